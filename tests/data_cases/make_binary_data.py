"""Regenerates the data files of the golden data cases that cannot be written as plain UTF-8 text:
the GBK-encoded CSV files and the XLSX workbooks. Run from anywhere: python3 make_binary_data.py
(needs openpyxl: pip install openpyxl). The files are checked in; this script documents them."""

import datetime
import os
import shutil

import openpyxl

os.chdir(os.path.dirname(os.path.abspath(__file__)))

# GBK CSV files (Chinese header and names), read by auto-detection, --encoding gbk and --encoding utf8.
rows = "编号,支援方,受援方,年度,金额,用途\nB1,河北省,巴州,2017,300,棚户区改造\nB2,河北省,巴州,2017,800,河北医院\n"
with open("csv_gbk_auto/data/资金拨付.csv", "w", encoding="gbk", newline="") as f:
    f.write(rows + "B3,河北省,巴州,2018,100,教育\n")
with open("csv_gbk_flag/data/资金拨付.csv", "w", encoding="gbk", newline="") as f:
    f.write(rows + "B3,河北省,巴洲,2018,100,教育\n")
shutil.copy("csv_gbk_flag/data/资金拨付.csv", "csv_gbk_as_utf8/data/资金拨付.csv")

# One sheet named 项目: a date cell, numbers and booleans.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "项目"
ws.append(["id", "supporter", "recipient", "signed", "year", "planned", "completed"])
ws.append(["p1", "河北省", "巴州", datetime.date(2017, 3, 1), 2017, 40.5, True])
ws.append(["p2", "河北省", "巴州", datetime.date(2016, 12, 31), 2017, 150, False])
ws.append(["p3", "河北省", "巴洲", datetime.date(2017, 4, 1), 2017, 10, True])
for r in (2, 3, 4):
    ws.cell(row=r, column=4).number_format = "yyyy-mm-dd"
wb.save("xlsx_first_sheet/data/project.xlsx")

# Sheet1 holds a note; Sheet2 holds the table, starting at B2, with a text cell in a money column.
wb = openpyxl.Workbook()
s1 = wb.active
s1.title = "Sheet1"
s1.append(["说明"])
s1.append(["本工作簿第二页为项目清单"])
s2 = wb.create_sheet("Sheet2")
table = [
    ["id", "supporter", "recipient", "signed", "year", "planned", "completed"],
    ["p1", "河北省", "巴州", datetime.date(2017, 5, 1), 2017, 40, True],
    ["p2", "河北省", "巴州", datetime.date(2017, 6, 1), 2017, "abc", False],
    ["p3", "河北省", "巴州", datetime.date(2017, 7, 1), 2017, 120, True],
]
for i, row in enumerate(table):
    for j, v in enumerate(row):
        c = s2.cell(row=2 + i, column=2 + j, value=v)
        if isinstance(v, datetime.date):
            c.number_format = "yyyy-mm-dd"
wb.save("xlsx_second_sheet/data/book.xlsx")
shutil.copy("xlsx_second_sheet/data/book.xlsx", "xlsx_unknown_sheet/data/book.xlsx")
