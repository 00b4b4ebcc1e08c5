#version 330 core
// The landscape heatmap: a float texture of levels (plot::landscape_level, log-scaled 0..1, < 0 for
// +inf) mapped through the colour table of plot::colormap_table() (the CPU export path uses the same
// table and the same linear interpolation), with iso-lines at every 1/u_contours of level drawn
// about one pixel wide whatever the zoom (fract + fwidth).
in vec2 v_uv;
out vec4 frag_color;

uniform sampler2D u_levels;
uniform vec2 u_grid;          // grid width, height (points)
uniform vec3 u_lut[10];       // plot::kColormapStops entries
uniform vec3 u_infinite;      // plot::infinite_cell_color()
uniform float u_contours;     // plot::kContourLevels
uniform float u_darken;       // plot::kContourDarken

vec3 colormap(float t) {
  float x = clamp(t, 0.0, 1.0) * 9.0;
  int i = min(int(floor(x)), 8);
  return mix(u_lut[i], u_lut[i + 1], x - float(i));
}

void main() {
  // v_uv 0..1 spans grid point 0 .. n-1: the texel centres at the edges.
  vec2 st = (v_uv * (u_grid - 1.0) + 0.5) / u_grid;
  float t = texture(u_levels, st).r;
  if (t < 0.0) {
    frag_color = vec4(u_infinite, 1.0);
    return;
  }
  vec3 c = colormap(t);
  float f = t * u_contours;
  float d = abs(fract(f + 0.5) - 0.5) / max(fwidth(f), 1e-5);  // pixels to the nearest iso-line
  float line = 1.0 - smoothstep(0.5, 1.5, d);
  frag_color = vec4(c * (1.0 - u_darken * line), 1.0);
}
