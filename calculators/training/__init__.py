"""Training for new staff (issue 11): scenarios, a quiz and a language check.

One job per module, each over the protocol's training data and the same
calculators the practitioners use:

- `scenarios`: a trainee's ticks and category against a scenario's model answer;
- `quiz`: seeded multiple-choice questions whose answers come from
  `calculators.timing` and `calculators.risk.assessment`;
- `language`: the listed terms that blame a child, found in free text.
"""
