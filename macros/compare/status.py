"""The status overview: every worksheet, checklist and set of phases, step by
step, with the ids of each step's questions. status.js counts the active
workspace's answers to them; the page itself only carries the structure."""
from __future__ import annotations

from dataclasses import dataclass

from macros.data.catalog import Catalog
from macros.data.schema import Process


@dataclass(frozen=True)
class Task:
    """One step of a process as a row of the task list."""

    id: str
    title: str
    url: str  # the step's first question, or the process's page
    questions: str  # the step's question ids, separated by spaces


@dataclass(frozen=True)
class ProcessTasks:
    process: Process
    url: str
    tasks: tuple[Task, ...]
    total: int


def process_tasks(catalog: Catalog, page_url) -> list[ProcessTasks]:
    """Every process with questions, in the data's order."""
    rows = []
    for process in catalog.processes.values():
        tasks = tuple(
            Task(id=step.id, title=step.title,
                 url=page_url(f"{process.page}#q-{step.questions[0].id}" if step.questions else process.page),
                 questions=" ".join(q.id for q in step.questions))
            for step in process.steps)
        total = sum(len(step.questions) for step in process.steps)
        if total:
            rows.append(ProcessTasks(process, page_url(process.page), tasks, total))
    return rows
