"""Split SQL text into statements without being fooled by quotes, comments or `$$` bodies.

Migrations may hold PL/pgSQL blocks with semicolons inside, and a user's query must be
exactly one statement: both need to know where statements really end. This lexer knows
PostgreSQL's (and DuckDB's) quoting: '...' with '' inside, E'...' with backslash escapes,
"..." identifiers, $tag$...$tag$ bodies, -- line comments and nested /* */ comments.
"""

from __future__ import annotations

import re

_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$")
_FIRST_WORD = re.compile(r"[\s(]*([A-Za-z_]+)")


def split_statements(sql: str) -> list[str]:
    """The statements in `sql`, stripped, comments removed, empty ones dropped."""
    statements: list[str] = []
    current: list[str] = []
    position = 0
    while position < len(sql):
        end, token = _next_token(sql, position)
        if token == ";":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(token)
        position = end
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def first_keyword(statement: str) -> str:
    """The statement's first word in upper case (`(SELECT 1)` gives SELECT), or ''."""
    match = _FIRST_WORD.match(statement)
    return match.group(1).upper() if match else ""


def _next_token(sql: str, start: int) -> tuple[int, str]:
    """(end, text) of the token at `start`; comments come back as one space."""
    char = sql[start]
    two = sql[start : start + 2]
    if two == "--":
        end = sql.find("\n", start)
        return (len(sql) if end < 0 else end), " "
    if two == "/*":
        return _block_comment_end(sql, start), " "
    if char in "'\"":
        escapes = char == "'" and start > 0 and sql[start - 1] in "eE"
        end = _quoted_end(sql, start, char, backslash=escapes)
        return end, sql[start:end]
    if char == "$":
        tag = _DOLLAR_TAG.match(sql, start)
        if tag:
            close = sql.find(tag.group(0), tag.end())
            end = len(sql) if close < 0 else close + len(tag.group(0))
            return end, sql[start:end]
    return start + 1, char


def _quoted_end(sql: str, start: int, quote: str, *, backslash: bool) -> int:
    position = start + 1
    while position < len(sql):
        char = sql[position]
        if backslash and char == "\\":
            position += 2
            continue
        if char == quote:
            if sql[position + 1 : position + 2] == quote:
                position += 2
                continue
            return position + 1
        position += 1
    return len(sql)


def _block_comment_end(sql: str, start: int) -> int:
    depth, position = 0, start
    while position < len(sql):
        two = sql[position : position + 2]
        if two == "/*":
            depth, position = depth + 1, position + 2
        elif two == "*/":
            depth, position = depth - 1, position + 2
            if depth == 0:
                return position
        else:
            position += 1
    return len(sql)
