"""CSV files as spreadsheets write them: separators, decimal marks, encodings, labels, and
every kind of bad file refused with the line and column."""

import os

import numpy as np
import pytest

from mlpstudio.data.dataset import DataError
from mlpstudio.data.tabular import CSV_MAX_BYTES, read_table


def write(tmp_path, text: str, encoding="utf-8", name="data.csv", newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_comma_separated_with_header_and_numeric_target(tmp_path):
    path = write(tmp_path, "a,b,y\n1,2,3.5\n4,5,6.25\n7,8,-1e-3\n")
    table = read_table(path)
    assert table.columns == ("a", "b", "y") and table.inputs == ("a", "b")
    assert table.delimiter == "," and table.decimal == "." and table.task == "regression"
    assert np.array_equal(table.x, [[1, 2], [4, 5], [7, 8]])
    assert np.allclose(table.y[:, 0], [3.5, 6.25, -1e-3])


def test_spanish_spreadsheet_semicolon_decimal_comma_latin1_crlf(tmp_path):
    text = "Temperatura (ºC);Presión (hPa);Lluvia (mm)\n21,5;1013,2;0,4\n18,25;1009,8;3,1\n"
    path = write(tmp_path, text, encoding="latin-1", newline="\r\n")
    table = read_table(path, target="Lluvia (mm)")
    assert table.encoding in ("cp1252", "latin-1")
    assert (table.delimiter, table.decimal) == (";", ",")
    assert table.inputs == ("Temperatura (ºC)", "Presión (hPa)")
    assert np.allclose(table.x, [[21.5, 1013.2], [18.25, 1009.8]])
    assert np.allclose(table.y[:, 0], [0.4, 3.1])


def test_utf8_bom_tab_separated_and_quoted_fields(tmp_path):
    text = '\ufeff"x"\t"clase"\n0.5\t"gato, negro"\n1.5\tperro\n2.5\t"gato, negro"\n'
    table = read_table(write(tmp_path, text, encoding="utf-8"))
    assert table.columns == ("x", "clase") and table.delimiter == "\t"
    assert table.task == "classification" and table.class_names == ("gato, negro", "perro")
    assert list(table.y) == [0, 1, 0]


def test_few_integer_values_mean_classes_and_target_by_index(tmp_path):
    rows = "\n".join(f"{i * 0.1},{i % 3}" for i in range(30))
    table = read_table(write(tmp_path, "x,k\n" + rows + "\n"), target=2)
    assert table.task == "classification" and table.class_names == ("0", "1", "2")
    table = read_table(write(tmp_path, "x,k\n" + rows + "\n"), target="2", task="regression")
    assert table.task == "regression"


def test_no_header_gets_column_names(tmp_path):
    table = read_table(write(tmp_path, "1;2;3\n4;5;6\n"))
    assert table.columns == ("column 1", "column 2", "column 3") and table.x.shape == (2, 2)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("a,b,y\n", "no data rows"),
        ("a,b,y\n1,2,3\n", "one data row"),
        ("a,b,y\n1,2,3\n4,oops,6\n7,8,9\n", 'line 3, column "b": "oops" is not a number'),
        ("a,b,y\n1,2,3\n4,,6\n7,8,9\n", 'line 3, column "b": the value is missing'),
        ("a,b,y\n1,2,3\n4,5\n7,8,9\n", "line 3: 2 fields where the header has 3"),
        ("a,a,y\n1,2,3\n4,5,6\n", 'columns 1 and 2 have the same name "a"'),
        ("", "empty"),
        ("a,b,y\n1,2,3\n4,5,nan\n", 'line 3, column "y": the value is not a finite number'),
        ("a,b,y\n1,2,1\n4,5,1\n", "single class"),
    ],
)
def test_bad_files_are_refused_with_line_and_column(tmp_path, text, needle):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as error:
        read_table(path)
    message = str(error.value)
    assert needle in message and str(path) in message and "\n" not in message


def test_binary_huge_and_special_files_are_refused_before_reading(tmp_path):
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(DataError, match="binary file"):
        read_table(binary)
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:  # sparse: nothing is really written
        handle.truncate(CSV_MAX_BYTES + 10 * 10**6)
    with pytest.raises(DataError, match="reads CSV files up to"):
        read_table(huge)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="not a regular file"):
        read_table(fifo)  # would block forever if it were opened


def test_unknown_target_and_text_inputs_are_refused(tmp_path):
    path = write(tmp_path, "a,name,y\n1,ana,3\n2,luis,4\n")
    with pytest.raises(DataError, match='no target column called "z"; the columns are: a, name, y'):
        read_table(path, target="z")
    with pytest.raises(DataError, match="holds text"):
        read_table(path, inputs=["name"])
    assert read_table(path).inputs == ("a",)  # text columns are not inputs by default
