#!/usr/bin/env python3
"""Writes the registration forms and results sheets of tests/data/forms/ as
offices make them (README "Registration forms"). Run from this folder; the
files are committed, this script says how they were made."""
import os

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"


def make_id(area, birth, seq, male):
    """An 18-digit ID number: area code, birth date (YYYYMMDD), sequence, sex digit, check."""
    sex = (seq * 2 + (1 if male else 0)) % 10
    body = f"{area}{birth}{seq:02d}{sex}"
    return body + C[sum(int(d) * w for d, w in zip(body, W)) % 11]


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)


players = [  # name, birth, male, shirt, province, type, since
    ("马海龙", "20090305", True, "10号", "青海省海北州海晏县", "居民家庭户", "出生"),
    ("韩文斌", "20080730", True, "10.0", "中国青海省西宁市城东区", "非农业", "2015/9/1"),
    ("李明", "20091213", True, "１１", "青海省海北州门源县", "农业家庭户口", "自出生"),
    ("祁国栋", "20081101", True, "12", "青海省海北州祁连县", "城镇", "2010-03-01"),
    ("冶成林", "20090101", True, "13", "青海省海北州刚察县", "集体户", "2012-05-01"),
]

# 1. A form as a county office fills it in: a title, a 代表队/参赛组别 row, a
# header over two rows (户籍 merged over three sub-columns), cells with spaces
# and a line break, birth dates as typed (3/5/2009 settled by the ID, 7/30/2008
# read the one way it can be), and a footer with staff, who filled it in,
# notes and the date.
rows = []
rows.append("2025年青海省青少年足球锦标赛报名表,,,,,,,,,\r\n")
rows.append("代表队（盖章）：海北州,,,,,参赛组别：甲组男子,,,,\r\n")
rows.append("序号,姓  名,性别,\"出生\n日期\",公民身份号码,号码,户籍,,,备注\r\n")
rows.append(",,,,,,所在地,类型,迁入日期,\r\n")
rows.append(",必填,必填,格式：2009-01-01,必填（18位）,,,,,\r\n")  # the template's hints
rows.append(f"例,张三,男,2009-01-01,{make_id('630102', '20090101', 1, True)},9,青海省西宁市,家庭户,2009-01-01,示例行，请删除\r\n")
typed = {"20090305": "3/5/2009", "20080730": "7/30/2008", "20091213": "13/12/2009", "20081101": "2008.11.1", "20090101": "2009年1月1日"}
for i, (name, birth, male, shirt, prov, typ, since) in enumerate(players, 1):
    rows.append(f"{i},{name},男,{typed[birth]},{make_id('632222', birth, i, male)},{shirt},{prov},{typ},{since},\r\n")
rows.append(",,,,,,,,,\r\n")
rows.append("领队：马建军,,,主教练：韩国强,,,队医：冶青,,,\r\n")
rows.append("填表人：张三,,,联系电话：13909700000,,,审核：,,,\r\n")
rows.append("注：1.本表一式两份，报组委会一份；,,,,,,,,,\r\n")
rows.append("2.身份证号码须与户口簿一致。,,,,,,,,,\r\n")
rows.append(",,,,,,2025年7月1日,,,\r\n")
form = "".join(rows)
write("附件2：海北州甲组男子报名表.csv", form)
# 2. The same form saved by Excel as "CSV (逗号分隔)": GBK.
write("gbk/海北州报名表_GBK.csv", form, encoding="gbk")

# 3. No birth-date and no sex column, only ID numbers; the title names the
# category but no team, the file name says nothing: the team is the folder's.
text = "2025年青海省青少年足球锦标赛乙组女子报名表\n参赛组别：乙组女子\n"
text += "序号,姓名,身份证号码,球衣号码,户口所在地,户口性质,户籍迁入时间\n"
for i, (name, birth) in enumerate([("才让措", "20100612"), ("卓玛", "20110203"), ("拉毛", "20101111")], 1):
    text += f"{i},{name},{make_id('632321', birth, i, False)},{i + 3},青海省黄南州同仁市,居民,{birth[:4]}-{birth[4:6]}-{birth[6:]}\n"
text += "领队,多杰,,联系电话,13800000000,,\n"
text += "填表日期：2025年6月30日,,,,,,\n"
write("黄南州/报名表.csv", text)
# 4. Another team's 报名表.csv in a folder of its own: a team of its own.
text = "代表队：果洛州  参赛组别：乙组女子  领队：才让\n"
text += "序号,姓名,性别,出生年月,身份证号,户籍所在地,户口类型,户籍迁入日期\n"
for i, (name, birth) in enumerate([("央宗", "20100808"), ("白玛", "20110315")], 1):
    text += f"{i},{name},女,{birth[:4]}.{birth[4:6]},{make_id('632621', birth, i, False)},青海省果洛州玛沁县,家庭户,出生\n"
write("果洛州/报名表.csv", text)
# 5. Two files in different folders whose names give the same team.
for folder in ("clash/第一批", "clash/第二批"):
    text = "姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n"
    text += f"马龙,男,2009-03-05,{make_id('632122', '20090305', 1 if folder.endswith('一批') else 2, True)},青海省海东市,家庭户,出生\n"
    write(f"{folder}/海东市甲组男子报名表.csv", text)

# 6. A results sheet with a title block and spaces in the header.
text = "2025年青海省青少年足球锦标赛 甲组男子A组 成绩表,,,,\n制表：竞赛部,,,,\n"
text += "轮 次,比赛日期,主　队,比  分,客 队,点 球\n"
text += "1,2025-07-30,海北州,2:1,西宁市,\n1,2025-07-30,海东市,0:0,海西州,4:3\n"
text += "2,2025-08-01,海北州,1:1,海东市,2:4\n2,2025-08-01,西宁市,3:0,海西州,\n"
write("results_title.csv", text)
# 7. A --teams documents file with a title row.
text = "报名材料核对表,,,,,,\n"
text += "代表队,报名表,盖章扫描件,APP报名,反兴奋剂承诺书,赛风赛纪责任书\n果洛州,是,否,是,是,是\n"
text += "填表人：张三,,联系电话：13909700000,,,\n注：是/否,,,,,\n"
write("teams_title.csv", text)
# 8. A stray quote in a form: the rest of the file in one cell.
text = "代表队,参赛组别,姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n"
text += f"海西州,甲组男子,\"马龙,男,2009-03-05,{make_id('632801', '20090305', 1, True)},青海省,家庭户,出生\n"
text += "".join(f"海西州,甲组男子,队员{i},男,2009-03-05,632801200903050000,青海省海西州德令哈市,家庭户,出生\n" for i in range(30))
write("stray_quote.csv", text)
# 9. Points adjustments with a title row.
write("adjust_title.csv", "甲组男子A组 积分调整表,,,\n小组,球 队,积分,原因\nresults_title,海北州,-3,罚分：使用不符合资格的运动员\n"
      "审核：竞赛部,,,\n,,2025年8月2日,\n")
# 10. A header no row qualifies for (运动员名称 is not a name column): the
# error shows the row looked at, not the title.
text = "2025年青海省青少年足球锦标赛报名表,,,,,\n代表队：海西州,,参赛组别：甲组男子,,,\n"
text += "序号,运动员名称,性别,出生日期,身份证号,户籍所在地\n1,马龙,男,2009-03-05,632801200903050136,青海省\n"
write("no_header.csv", text)
