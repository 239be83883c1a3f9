"""Batch mode (`diplowire extract`): one bad article or a typo never costs the run or a file."""

import orjson

from services.cli import main

GOOD = {"id": "a1", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z",
        "body": "Canada announced retaliatory tariffs of 25% on U.S. goods on Monday."}


def _write(path, *records):
    path.write_bytes(b"".join(r if isinstance(r, bytes) else orjson.dumps(r) + b"\n"
                              for r in records))
    return str(path)


def test_a_missing_input_is_one_line_and_leaves_the_output_alone(tmp_path, capsys):
    keep = tmp_path / "keep.jsonl"
    keep.write_text("earlier results\n")
    rc = main(["extract", "--input", str(tmp_path / "typo.jsonl"), "--output", str(keep)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.strip().count("\n") == 0 and "cannot read" in err and "typo.jsonl" in err
    assert keep.read_text() == "earlier results\n"


def test_an_unwritable_output_is_one_line(tmp_path, capsys):
    source = _write(tmp_path / "in.jsonl", GOOD)
    rc = main(["extract", "--input", source, "--output", str(tmp_path / "no" / "out.jsonl")])
    assert rc == 2 and "cannot write" in capsys.readouterr().err


def test_bad_articles_are_reported_counted_and_skipped(tmp_path, capsys):
    source = _write(tmp_path / "in.jsonl", b"{not json\n", {**GOOD, "language": "de"}, GOOD,
                    {"id": "x"})
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--input", source, "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{source}:1: rejected: invalid_json" in err
    assert f"{source}:2: article a1 skipped: language 'de'" in err
    assert f"{source}:4: rejected: schema_violation" in err
    assert "2 articles, 1 events, 2 rejected, 1 unsupported language" in err
    (event,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert event["imposer"] == "CAN"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]
    assert main(["extract", "--input", source, "--output", str(out), "--strict"]) == 1
