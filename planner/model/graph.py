"""Small graph helpers over ``{node: (successors...)}`` mappings (prerequisites, dependencies)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["find_cycle", "topological_order"]


def find_cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """Return one cycle as ``[a, b, ..., a]`` if the graph has any, else ``None``.

    Iterative depth-first search, so deep graphs cannot exhaust the recursion limit.
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in graph:
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        state[start] = 1
        while stack:
            node, idx = stack[-1]
            succ = graph.get(node, ())
            if idx < len(succ):
                stack[-1] = (node, idx + 1)
                nxt = succ[idx]
                if state.get(nxt) == 1:
                    return [*path[path.index(nxt) :], nxt]
                if not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))
                    path.append(nxt)
            else:
                state[node] = 2
                stack.pop()
                path.pop()
    return None


def topological_order(graph: Mapping[str, Sequence[str]]) -> list[str]:
    """Order nodes so that every node comes after the nodes it points to (its prerequisites).

    Ties keep the mapping's order. Raises ``ValueError`` on a cycle.
    """
    order: list[str] = []
    done: set[str] = set()
    visiting: set[str] = set()
    for start in graph:
        if start in done:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        visiting.add(start)
        while stack:
            node, idx = stack[-1]
            succ = graph.get(node, ())
            if idx < len(succ):
                stack[-1] = (node, idx + 1)
                nxt = succ[idx]
                if nxt in visiting:
                    raise ValueError(f"cycle through {nxt!r}")
                if nxt not in done:
                    visiting.add(nxt)
                    stack.append((nxt, 0))
            else:
                stack.pop()
                visiting.discard(node)
                done.add(node)
                order.append(node)
    return order
