#!/usr/bin/python3
"""Drops a file onto an X window the way a file manager does (XDND v5 source, python3-xlib).
  xdnd_drop.py WINDOW_ID PATH [X Y]   (X, Y: root coordinates of the drop; default the window's centre)
Exits 0 once the target sends XdndFinished, 1 on a time-out."""
import sys, time
from Xlib import X, display, protocol

win_id, path = int(sys.argv[1], 0), sys.argv[2]
d = display.Display()
root = d.screen().root
target = d.create_resource_object("window", win_id)
atom = lambda name: d.intern_atom(name)
uri_list, selection = atom("text/uri-list"), atom("XdndSelection")
if len(sys.argv) >= 5:
    px, py = int(sys.argv[3]), int(sys.argv[4])
else:
    g = target.get_geometry()
    t = target.translate_coords(root, 0, 0)
    px, py = -t.x + g.width // 2, -t.y + g.height // 2
source = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
source.set_selection_owner(selection, X.CurrentTime)

def send(name, data):
    ev = protocol.event.ClientMessage(window=target, client_type=atom(name), data=(32, data + [0] * (5 - len(data))))
    target.send_event(ev, event_mask=0)
    d.flush()

send("XdndEnter", [source.id, 5 << 24, uri_list, 0, 0])
send("XdndPosition", [source.id, 0, (px << 16) | py, X.CurrentTime, atom("XdndActionCopy")])
deadline, dropped = time.time() + 10, False
while time.time() < deadline:
    while d.pending_events():
        ev = d.next_event()
        if ev.type == X.ClientMessage and ev.client_type == atom("XdndStatus") and not dropped:
            send("XdndDrop", [source.id, 0, X.CurrentTime])
            dropped = True
        elif ev.type == X.SelectionRequest:  # the target asks for the data: the file's URI
            ev.requestor.change_property(ev.property, uri_list, 8, ("file://" + path + "\r\n").encode())
            ev.requestor.send_event(protocol.event.SelectionNotify(
                time=ev.time, requestor=ev.requestor, selection=ev.selection, target=ev.target,
                property=ev.property), event_mask=0)
            d.flush()
        elif ev.type == X.ClientMessage and ev.client_type == atom("XdndFinished"):
            sys.exit(0)
    time.sleep(0.02)
sys.exit(1)
