"""The course's colours, as hex strings, for every drawing: the app's views (through
:mod:`mlpstudio.gui.style`) and the HTML report (Qt-free). Train blue, test green,
predictions red, the true target grey, validation orange."""

TRAIN = "#1f77b4"
TEST = "#2ca02c"
PREDICTION = "#d62728"
TARGET = "#6e6e6e"
VALIDATION = "#ff7f0e"
