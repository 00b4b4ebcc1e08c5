// Gradient descent, heavy-ball momentum and Adam, stepped one gradient evaluation at a time.
#include "divlab/fit/optimizer.hpp"

#include <cmath>

namespace divlab {

Fitter::Fitter(FitProblem problem, std::vector<double> theta0, OptimizerSettings settings,
               bool record_trajectory)
    : problem_(std::move(problem)),
      settings_(settings),
      record_(record_trajectory),
      theta_(std::move(theta0)) {
  theta_.resize(problem_.parameter_count(), 0.0);
  grad_.assign(theta_.size(), 0.0);
  m_.assign(theta_.size(), 0.0);
  v_.assign(theta_.size(), 0.0);
  evaluate_here();
}

void Fitter::evaluate_here() {
  value_ = problem_.evaluate(theta_, grad_);
  double n2 = 0;
  for (double g : grad_) n2 += g * g;
  grad_norm_ = std::sqrt(n2);
  if (record_) trajectory_.push_back({steps_, theta_, value_, grad_norm_});
  if (problem_.infinite()) {
    done_ = true;
    stop_reason_ = problem_.why_infinite();
  } else if (!std::isfinite(value_) || !std::isfinite(grad_norm_)) {
    done_ = true;
    stop_reason_ =
        "the objective is not finite at these parameters (the model left the range where it can be "
        "evaluated)";
  } else if (grad_norm_ < settings_.tolerance) {
    done_ = converged_ = true;
  } else if (steps_ >= settings_.max_steps) {
    done_ = true;
    stop_reason_ = "reached max_steps = " + std::to_string(settings_.max_steps) +
                   " before the gradient norm fell below the tolerance";
  }
}

bool Fitter::step() {
  if (done_) return false;
  const double lr = settings_.learning_rate;
  ++steps_;
  for (size_t i = 0; i < theta_.size(); ++i) {
    const double g = grad_[i];
    switch (settings_.kind) {
      case OptimizerKind::gd:
        theta_[i] -= lr * g;
        break;
      case OptimizerKind::momentum:
        // v ← β v + g;  θ ← θ − lr v
        m_[i] = settings_.momentum * m_[i] + g;
        theta_[i] -= lr * m_[i];
        break;
      case OptimizerKind::adam: {
        // m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − lr m̂/(√v̂ + ε)
        m_[i] = settings_.beta1 * m_[i] + (1 - settings_.beta1) * g;
        v_[i] = settings_.beta2 * v_[i] + (1 - settings_.beta2) * g * g;
        const double mh = m_[i] / (1 - std::pow(settings_.beta1, steps_));
        const double vh = v_[i] / (1 - std::pow(settings_.beta2, steps_));
        theta_[i] -= lr * mh / (std::sqrt(vh) + settings_.epsilon);
        break;
      }
    }
  }
  evaluate_here();
  return true;
}

void Fitter::retarget(FitProblem problem) {
  problem_ = std::move(problem);
  const size_t n = static_cast<size_t>(problem_.parameter_count());
  theta_.resize(n, 0.0);
  grad_.assign(n, 0.0);
  m_.resize(n, 0.0);
  v_.resize(n, 0.0);
  done_ = converged_ = false;
  stop_reason_.clear();
  evaluate_here();
}

int Fitter::run(int n) {
  int done = 0;
  while (done < n && step()) ++done;
  return done;
}

Fitter run_fit(const FitProblem& problem, std::vector<double> theta0, const OptimizerSettings& settings,
               bool record_trajectory) {
  Fitter f(problem, std::move(theta0), settings, record_trajectory);
  while (f.step()) {
  }
  return f;
}

}  // namespace divlab
