"""`scenarios` and `quiz` commands: the training material, from the same calculators."""

from __future__ import annotations

import argparse
from typing import Any

from calculators.protocol import Protocol
from calculators.training.quiz import check_request, generate, question_data
from calculators.training.scenarios import category_words, scenario_data
from cli.output import print_json


def register(commands: Any) -> None:
    scenarios = commands.add_parser("scenarios", help="list the training scenarios")
    scenarios.add_argument("--json", action="store_true", help="print JSON")
    scenarios.set_defaults(handler=list_scenarios)

    quiz = commands.add_parser("quiz", help="generate quiz questions from the rules")
    quiz.add_argument("--seed", type=int, default=0, help="the same seed gives the same questions")
    quiz.add_argument("--count", type=int, default=10, help="how many questions")
    quiz.add_argument("--json", action="store_true", help="print JSON")
    quiz.set_defaults(handler=make_quiz)


def list_scenarios(protocol: Protocol, args: argparse.Namespace) -> int:
    rows = [scenario_data(s) for s in protocol.scenarios]
    if args.json:
        return print_json(rows)
    for row in rows:
        print(f"{row['id']}: {row['title']}")
        print(f"  model answer: {category_words(protocol, row['model_category'])}")
        print(f"  indicators: {', '.join(row['indicators']) or 'none'}")
    return 0


def make_quiz(protocol: Protocol, args: argparse.Namespace) -> int:
    seed, count = check_request(args.seed, args.count)
    questions = generate(protocol, seed, count)
    if args.json:
        return print_json([question_data(q) for q in questions])
    for number, question in enumerate(questions, start=1):
        print(f"{number}. {question.prompt}")
        for letter, choice in zip("ABCDE", question.choices, strict=False):
            print(f"   {letter}. {choice}")
        print(f"   Answer: {'ABCDE'[question.answer]}. {question.explanation}")
    return 0
