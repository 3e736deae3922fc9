# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A believable demo street, generated from a seed.

Pure Python, no Odoo import: :func:`generate` returns plain dicts and lists,
so the street is tested without a database and loaded by
``tools/demo_loader.py``. Testers and the browser test need a street that
looks like a real one (names, addresses, families, ID numbers that pass the
GB 11643 check, care groups in their usual shares), the same every time
(a seeded :class:`random.Random`), and as large as a real street on demand
(``scale=1.0``: about 20,000 households and 50,000 residents, the size of a
street with eight communities).

Every date is counted back from ``today``, the day the street is built:
the demo database is dated on the street's today when ``bin/run`` makes it
(``scripts/generate_demo.py``), so its last weeks are always the current
ones. The random draws do not depend on the day (each date is a seeded
offset from ``today``), so one seed gives the same households, residents
and ages on any day, only dated from another day.

Records point at each other by their index in the lists of the result
(``"household": 12`` is ``result["households"][12]``), which the loader maps
to database ids.

>>> street = generate(seed=1, scale=0.005)
>>> street == generate(seed=1, scale=0.005)
True
>>> len(street["communities"]), street["households"][0]["unit"]
(2, '1单元')
"""
import datetime
import random

from .id_number import age_on, check_char

#: A fixed day for :func:`generate` when no ``today`` is given, so that
#: tests get the very same street (dates included) on any day; the demo
#: database is dated on the day it is built instead.
DEMO_TODAY = datetime.date(2026, 1, 1)
#: posts' terms started between these many days before ``today``
TERM_START_DAYS = (185, 1461)
#: from this age on, residents have the given names of their generation
OLD_NAMES_AGE = 56

#: households of a street at ``scale=1.0``
FULL_SCALE_HOUSEHOLDS = 20000
#: about 2,500 households per community (target: 3,000) at full scale
MAX_COMMUNITIES = 8

CITY = "北京市"
DISTRICT = {"name": "北京市朝阳区", "region": "110105"}
STREET_NAMES = ["阳光街道办事处", "东湖街道办事处"]

#: birth registrations of residents registered in the city (region, weight)
CITY_REGIONS = [
    ("110105", 55), ("110101", 5), ("110102", 5), ("110106", 7),
    ("110107", 2), ("110108", 8), ("110111", 3), ("110112", 5),
    ("110114", 5), ("110115", 5),
]
#: where the floating population comes from: province, city, region, weight
ORIGINS = [
    ("河北省", "保定市", "130602", 14), ("河北省", "石家庄市", "130102", 8),
    ("河南省", "郑州市", "410105", 10), ("河南省", "周口市", "411602", 6),
    ("山东省", "济南市", "370102", 6), ("山东省", "菏泽市", "371702", 5),
    ("安徽省", "阜阳市", "341202", 6), ("安徽省", "合肥市", "340102", 3),
    ("黑龙江省", "哈尔滨市", "230102", 5), ("辽宁省", "沈阳市", "210102", 3),
    ("吉林省", "长春市", "220102", 3), ("山西省", "太原市", "140105", 4),
    ("内蒙古自治区", "赤峰市", "150402", 3), ("四川省", "成都市", "510104", 4),
    ("湖北省", "武汉市", "420102", 4), ("湖南省", "长沙市", "430102", 3),
    ("江苏省", "徐州市", "320302", 3), ("天津市", "天津市", "120104", 3),
    ("陕西省", "西安市", "610102", 2), ("江西省", "南昌市", "360102", 2),
    ("甘肃省", "天水市", "620502", 1), ("重庆市", "重庆市", "500103", 2),
]

SURNAMES = [
    ("王", 72), ("李", 72), ("张", 69), ("刘", 55), ("陈", 45), ("杨", 32),
    ("赵", 21), ("黄", 19), ("周", 18), ("吴", 18), ("徐", 14), ("孙", 15),
    ("胡", 13), ("朱", 12), ("高", 12), ("林", 10), ("何", 10), ("郭", 11),
    ("马", 11), ("罗", 8), ("梁", 8), ("宋", 7), ("郑", 7), ("谢", 6),
    ("韩", 6), ("唐", 6), ("冯", 6), ("于", 6), ("董", 5), ("萧", 2),
    ("程", 5), ("曹", 5), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 3),
    ("沈", 4), ("曾", 4), ("彭", 4), ("吕", 4), ("苏", 4), ("卢", 4),
    ("蒋", 4), ("蔡", 4), ("贾", 3), ("丁", 3), ("魏", 3), ("薛", 3),
    ("叶", 3), ("阎", 3), ("潘", 3), ("杜", 3), ("戴", 2), ("夏", 2),
    ("钟", 2), ("田", 3), ("任", 3), ("姜", 3), ("范", 3), ("方", 2),
    ("石", 2), ("姚", 2), ("谭", 2), ("廖", 2), ("邹", 2), ("熊", 2),
    ("金", 2), ("陆", 2), ("郝", 2), ("孔", 2), ("白", 2), ("崔", 2),
    ("康", 2), ("毛", 2), ("邱", 2), ("秦", 2), ("江", 2), ("史", 2),
]
#: given-name characters by sex, for the elderly (born before 1970 in a
#: street built in 2026) and the younger
GIVEN_CHARS = {
    ("male", "old"): "国建德明文志永军华平福海庆春生祥林保顺利宝学成忠义刚强伟",
    ("female", "old"): "淑秀桂玉凤兰英华芳珍翠霞丽琴素梅荣艳敏娟云红慧燕金",
    ("male", "young"): "浩宇轩子涵博睿然俊杰鹏磊涛晨皓阳帆一泽铭凯航锐天昊哲",
    ("female", "young"): "欣怡萱诗涵雨婷佳琪悦梓晴彤菲思颖雪静宁瑶婉妍可馨琳",
}
PHONE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 "
    "158 159 166 176 177 178 180 181 182 183 185 186 187 188 189 198 199"
).split()

COMMUNITY_PREFIXES = [
    "阳光", "和平里", "安贞里", "东湖", "望花", "朝晖", "惠新东", "小关北",
    "芍药居", "胜古", "樱花园", "育慧里", "北辰东", "华严北里", "安苑北里",
    "亚运村",
]
ESTATE_PREFIXES = [
    "阳光", "和平", "幸福", "金色", "翠微", "锦绣", "康乐", "华侨", "望京",
    "东湖", "朝晖", "紫荆", "枫林", "丽景", "绿洲", "星河", "嘉和", "文华",
    "泰和", "安华", "惠新", "芍药", "安苑", "育慧", "北辰", "世纪", "恒通",
    "融创", "保利", "万科", "富华", "天通", "海棠", "天鹅湖", "金隅", "首开",
]
ESTATE_SUFFIXES = ["花园", "家园", "小区", "嘉园", "苑", "新村", "公寓", "雅居"]
COURTYARD_PREFIXES = [
    "东风", "红旗", "前进", "胜利", "建设", "光明", "团结", "友谊", "向阳",
    "机械厂", "纺织厂", "电力", "铁路", "邮电", "粮食局", "化工厂", "印刷厂",
]
COURTYARD_SUFFIXES = ["院", "宿舍院", "家属院"]
ROADS = [
    "北三环东路", "安定路", "和平西街", "东湖路", "朝晖路", "惠新西街",
    "樱花园东街", "育慧南路", "小关东街", "北土城西路", "安贞路", "胜古中路",
]
NUMERALS = "一二三四五六七八九十"

RESIDENT_UNITS = [
    "第三中学", "实验小学", "第二人民医院", "社区卫生服务中心", "供电所",
    "中国银行支行", "工商银行支行", "邮政支局", "派出所", "消防救援站",
    "市政设施管理所", "燃气公司营业所", "图书馆分馆", "文化馆", "商场",
    "连锁超市", "建筑设计研究院", "电信营业厅", "幼儿园", "职业技术学院",
]
SOCIAL_ORGS = [
    ("夕阳红老年协会", "filed"), ("舞蹈队", "filed"), ("书画协会", "filed"),
    ("合唱团", "filed"), ("太极拳队", "filed"), ("读书会", "filed"),
    ("社会工作服务中心", "registered"), ("居家养老服务中心", "registered"),
    ("青少年服务中心", "registered"), ("慈善协会", "registered"),
]
VOLUNTEER_TEAMS = [
    "志愿服务队", "巾帼志愿服务队", "党员先锋志愿队", "青年志愿服务队",
    "平安志愿者巡逻队",
]
VOLUNTEER_TASKS = [
    "敬老助老：探访独居老人", "垃圾分类宣传与桶前值守", "社区环境清洁",
    "文明交通劝导", "义务理发", "防范电信诈骗宣传", "助老送餐", "平安巡逻",
    "义诊咨询", "儿童课后托管", "便民维修服务", "消防安全检查宣传",
]
DEPARTMENTS = [
    "区民政局", "区卫生健康委员会", "区统计局", "区市场监督管理局",
    "区城市管理委员会", "区精神文明建设办公室", "区人力资源和社会保障局",
    "区教育委员会",
]
ADMISSION_TASKS = [
    ("task", "高龄老人津贴资格初审", "《北京市高龄老年人津贴发放办法》"),
    ("task", "残疾人两项补贴申请受理", "《困难残疾人生活补贴和重度残疾人护理补贴制度》"),
    ("survey", "第五次全国经济普查入户登记", "《全国经济普查条例》"),
    ("survey", "人口变动情况抽样调查", "《中华人民共和国统计法》"),
    ("sign", "社区儿童之家挂牌", "区妇儿工委文件"),
    ("campaign", "全国文明城区创建测评", "区精神文明建设委员会通知"),
    ("task", "城乡居民基本医疗保险参保登记", "《社会保险法》"),
    ("campaign", "垃圾分类示范小区创建", "《北京市生活垃圾管理条例》"),
    ("task", "退役军人信息采集", "《退役军人保障法》"),
    ("survey", "社区养老服务需求调查", "区民政局工作方案"),
    ("sign", "社区科普e站挂牌", "区科协文件"),
    ("task", "适龄儿童预防接种查漏补种通知", "《疫苗管理法》"),
]
SEAL_ITEMS = [
    ("SEAL01", "社区组织出具的工作证明", "《城市居民委员会组织法》"),
    ("SEAL02", "困难群众救助申请审核", "《社会救助暂行办法》"),
    ("SEAL03", "低保申请初审意见", "《最低生活保障审核确认办法》"),
    ("SEAL04", "计划生育服务登记", "《人口与计划生育法》"),
    ("SEAL05", "残疾人证申领初审", "《残疾人保障法》"),
    ("SEAL06", "居家养老服务补贴申请审核", "区民政局养老服务补贴办法"),
]
SEAL_DOCUMENTS = [
    "申请表", "审核意见表", "情况说明", "登记表", "证明材料",
]

#: care groups by the codes of data/community_care_group_data.xml
CARE_ELDERLY_ALONE = "elderly_alone"
CARE_LOW_INCOME = "low_income"
CARE_DISABLED = "disabled"
CARE_VETERAN = "veteran"
CARE_EXTREME_POVERTY = "extreme_poverty"

#: post types by the codes of data/community_post_type_data.xml
POST_BUILDING_HEAD = "building_head"
POST_UNIT_HEAD = "unit_head"
POST_PARTY_GROUP_LEADER = "party_group_leader"
POST_AREA_HEAD = "area_head"

#: household size (residents) and its weight
HOUSEHOLD_SIZES = [(1, 18), (2, 30), (3, 28), (4, 14), (5, 7), (6, 3)]
#: family templates per size: relations after the head, head ages, weight
FAMILY_TEMPLATES = {
    1: [((), None, 1)],
    2: [
        (("spouse",), (22, 92), 70),
        (("child",), (30, 80), 15),
        (("parent",), (25, 60), 15),
    ],
    3: [
        (("spouse", "child"), (25, 68), 75),
        (("spouse", "parent"), (28, 60), 12),
        (("child", "child"), (32, 70), 13),
    ],
    4: [
        (("spouse", "child", "child"), (30, 60), 45),
        (("spouse", "child", "parent"), (28, 58), 40),
        (("spouse", "child", "grandchild"), (58, 82), 15),
    ],
    5: [
        (("spouse", "child", "parent", "parent"), (28, 58), 50),
        (("spouse", "child", "child", "parent"), (30, 58), 30),
        (("spouse", "child", "other", "grandchild"), (58, 82), 20),
    ],
    6: [
        (("spouse", "child", "child", "parent", "parent"), (30, 58), 70),
        (("spouse", "child", "other", "grandchild", "grandchild"), (60, 82), 30),
    ],
}


def _weighted(rng, pairs):
    """Pick the first element of one of ``pairs`` (value, ..., weight)."""
    total = sum(pair[-1] for pair in pairs)
    point = rng.random() * total
    for pair in pairs:
        point -= pair[-1]
        if point < 0:
            return pair
    return pairs[-1]


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_date_for_age(rng, age, today):
    """A random birth date of someone who is ``age`` on ``today``: one of
    the 365 days up to their birthday ``age`` years ago (one draw whatever
    the year, so that the seed makes the same residents on any day)."""
    latest = _years_before(today, age)
    return latest - datetime.timedelta(days=rng.randint(0, 364))


class _StreetGenerator(object):
    """Holds the random state and the uniqueness sets of one generation."""

    def __init__(self, seed, scale, today):
        self.rng = random.Random(seed)
        self.scale = scale
        self.today = today
        self.id_numbers = set()
        self.phones = set()
        self.names_used = set()
        self.result = {
            "seed": seed, "scale": scale, "today": today,
            "district": dict(DISTRICT), "streets": [], "communities": [],
            "compounds": [], "buildings": [], "households": [],
            "residents": [], "posts": [], "organisations": [],
            "departments": list(DEPARTMENTS),
            "councils": [], "volunteer_activities": [],
            "admission_requests": [], "seal_items": [], "seal_usages": [],
        }

    # -- helpers ----------------------------------------------------------

    def _unique_name(self, make):
        for _attempt in range(1000):
            name = make()
            if name not in self.names_used:
                self.names_used.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def person_name(self, sex, age, surname=None):
        rng = self.rng
        surname = surname or _weighted(rng, SURNAMES)[0]
        chars = GIVEN_CHARS[(sex, "old" if age >= OLD_NAMES_AGE else "young")]
        length = 1 if rng.random() < 0.3 else 2
        return surname + "".join(rng.choice(chars) for _i in range(length))

    def id_number(self, region, birth, sex):
        """A valid, unused 18-character ID number: odd sequence for men."""
        while True:
            sequence = self.rng.randint(0, 499) * 2 + (sex == "male")
            first17 = "%s%s%03d" % (region, birth.strftime("%Y%m%d"), sequence)
            number = first17 + check_char(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def phone(self):
        while True:
            number = self.rng.choice(PHONE_PREFIXES) + "%08d" % self.rng.randint(
                0, 99999999)
            if number not in self.phones:
                self.phones.add(number)
                return number

    # -- hierarchy ----------------------------------------------------------

    def streets_and_communities(self):
        rng, result = self.rng, self.result
        households = max(20, int(round(FULL_SCALE_HOUSEHOLDS * self.scale)))
        n_communities = max(2, min(MAX_COMMUNITIES, -(-households // 125)))
        n_streets = 2 if self.scale >= 0.5 else 1
        for index in range(n_streets):
            result["streets"].append({
                "name": STREET_NAMES[index],
                "xmlid": "street_%d_demo" % (index + 1),
            })
        prefixes = rng.sample(COMMUNITY_PREFIXES, n_communities)
        # the first street keeps most communities: it is the one demo users
        # work in
        per_street = [n_communities] if n_streets == 1 else [
            n_communities - n_communities // 3, n_communities // 3]
        index = 0
        for street, count in enumerate(per_street):
            for number in range(count):
                result["communities"].append({
                    "name": prefixes[index] + "社区",
                    "code": "S%dC%02d" % (street + 1, number + 1),
                    "street": street,
                    "xmlid": "community_%d_demo" % (index + 1),
                    "target_households": households // n_communities,
                })
                index += 1

    def compounds(self, community_index):
        rng = self.rng
        community = self.result["communities"][community_index]
        remaining = community.pop("target_households")
        number = 0
        while remaining > 0:
            number += 1
            kind = _weighted(rng, [("estate", 60), ("courtyard", 25),
                                   ("group", 15)])[0]
            if kind == "estate":
                target = rng.randint(250, 900)

                def make():
                    prefix = rng.choice(ESTATE_PREFIXES)
                    if rng.random() < 0.25:
                        return "%s里%s区" % (prefix, rng.choice(NUMERALS[:6]))
                    return prefix + rng.choice(ESTATE_SUFFIXES)
            elif kind == "courtyard":
                target = rng.randint(40, 160)

                def make():
                    return rng.choice(COURTYARD_PREFIXES) + rng.choice(
                        COURTYARD_SUFFIXES)
            else:
                target = rng.randint(60, 200)

                def make():
                    return "%s第%s居民小组" % (
                        community["name"][:-2], NUMERALS[rng.randint(0, 9)])
            target = min(target, remaining)
            road = rng.choice(ROADS)
            compound = {
                "name": self._unique_name(make),
                "code": "%s-%02d" % (community["code"], number),
                "kind": kind,
                "community": community_index,
                "address": "%s%d号" % (road, rng.randint(1, 120)),
            }
            self.result["compounds"].append(compound)
            remaining -= self.buildings(len(self.result["compounds"]) - 1, target)

    def buildings(self, compound_index, target):
        """Buildings of a compound until ``target`` households; returns the
        number of households made."""
        rng = self.rng
        compound = self.result["compounds"][compound_index]
        made = 0
        number = 0
        while made < target:
            number += 1
            if compound["kind"] == "estate":
                tower = rng.random() < 0.35
                units = rng.randint(1, 3) if tower else rng.randint(2, 6)
                floors = rng.randint(11, 28) if tower else rng.choice([5, 6, 6, 7])
                per_floor = rng.choice([2, 3, 4]) if tower else 2
                name = "%d号楼" % number
            elif compound["kind"] == "courtyard":
                units, floors, per_floor = rng.randint(1, 3), rng.randint(3, 6), 2
                name = "%d号楼" % number
            else:
                units, floors, per_floor = 1, 1, rng.randint(6, 16)
                name = "%d排" % number
            building = {
                "name": name,
                "compound": compound_index,
                "address": "%s%s" % (compound["address"], name),
                "unit_count": units,
                "floor_count": floors,
            }
            self.result["buildings"].append(building)
            building_index = len(self.result["buildings"]) - 1
            for unit in range(1, units + 1):
                for floor in range(1, floors + 1):
                    for door in range(1, per_floor + 1):
                        if made >= target:
                            break
                        if compound["kind"] == "group":
                            unit_name, room = "", "%d号" % door
                        else:
                            unit_name = "%d单元" % unit
                            room = "%d%02d" % (floor, door)
                        self.household(building_index, unit_name, room)
                        made += 1
        return made

    def household(self, building_index, unit, room):
        rng = self.rng
        building = self.result["buildings"][building_index]
        kind = _weighted(rng, [("registered", 73), ("rented", 20),
                               ("vacant", 7)])[0]
        household = {
            "building": building_index,
            "unit": unit,
            "room": room,
            "address": "%s%s%s" % (building["address"], unit, room),
            "household_type": kind,
            "is_party_member": False,
            "is_civilised": False,
            "head": None,
        }
        self.result["households"].append(household)
        if kind != "vacant":
            self.family(len(self.result["households"]) - 1)

    # -- residents ----------------------------------------------------------

    def family(self, household_index):
        """Members of a household: ages and sexes consistent with their
        relation to the head (children at least 18 years younger than their
        parents), names, ID numbers, registration."""
        rng = self.rng
        household = self.result["households"][household_index]
        rented = household["household_type"] == "rented"
        size = _weighted(rng, HOUSEHOLD_SIZES[:4] if rented else HOUSEHOLD_SIZES)[0]
        relations, head_ages, _weight = _weighted(rng, FAMILY_TEMPLATES[size])
        if head_ages is None:  # alone: young tenants, or elderly
            head_age = (rng.randint(20, 45) if rented else _weighted(rng, [
                ((22, 40), 30), ((40, 60), 20), ((60, 95), 50)])[0])
            if isinstance(head_age, tuple):
                head_age = rng.randint(*head_age)
        else:
            head_age = rng.randint(*head_ages)
        married = "spouse" in relations
        head_sex = "male" if rng.random() < (0.7 if married else 0.5) else "female"
        members = [{"relation": "head", "sex": head_sex, "age": head_age}]
        spouse_age = None
        if married:
            shift = rng.randint(-5, 3) if head_sex == "male" else rng.randint(-3, 5)
            spouse_age = min(100, max(20, head_age + shift))
        youngest_parent = min(a for a in (head_age, spouse_age) if a is not None)
        mother_age = head_age if head_sex == "female" or not married else spouse_age
        child_age = None
        grandchild_age = None
        for relation in relations:
            if relation == "spouse":
                member = {"sex": "female" if head_sex == "male" else "male",
                          "age": spouse_age}
            elif relation == "child":
                if child_age is None:
                    age = mother_age - rng.randint(22, 36)
                else:
                    age = child_age - rng.randint(1, 8)
                age = max(0, min(age, youngest_parent - 18))
                if "grandchild" in relations:
                    age = max(age, 19)
                child_age = age
                member = {"sex": rng.choice(["male", "female"]), "age": age}
            elif relation == "parent":
                sexes = [m["sex"] for m in members if m["relation"] == "parent"]
                sex = "female" if "male" in sexes else (
                    "male" if sexes or rng.random() < 0.5 else "female")
                member = {"sex": sex,
                          "age": min(100, head_age + rng.randint(22, 34))}
            elif relation == "other":  # the child's spouse
                member = {"sex": rng.choice(["male", "female"]),
                          "age": max(20, child_age + rng.randint(-3, 3))}
            else:  # grandchild
                if grandchild_age is None:
                    age = child_age - rng.randint(22, 34)
                else:
                    age = grandchild_age - rng.randint(1, 6)
                grandchild_age = max(0, min(age, child_age - 18))
                member = {"sex": rng.choice(["male", "female"]),
                          "age": grandchild_age}
            member["relation"] = relation
            members.append(member)
        self.register(household_index, members)

    def register(self, household_index, members):
        """Names, ID numbers, phones and residence of the members."""
        rng, today = self.rng, self.today
        household = self.result["households"][household_index]
        floating = (household["household_type"] == "rented"
                    and rng.random() < 0.8)
        origin = _weighted(rng, ORIGINS) if floating else None
        arrival = None
        if floating:
            arrival = today - datetime.timedelta(
                days=int(rng.triangular(20, 15 * 365, 400)))
        head = members[0]
        father_side = next(
            (m for m in members if m["relation"] in ("head", "spouse")
             and m["sex"] == "male"), head)
        family_surname = _weighted(rng, SURNAMES)[0]
        head_surname = family_surname if father_side is head else _weighted(
            rng, SURNAMES)[0]
        home_region = (origin[2] if floating
                       else _weighted(rng, CITY_REGIONS)[0])
        first_index = len(self.result["residents"])
        for member in members:
            age, sex = member["age"], member["sex"]
            birth = birth_date_for_age(rng, age, today)
            if member["relation"] in ("child", "grandchild"):
                surname = family_surname
            elif member is head:
                surname = head_surname
            elif member is father_side:
                surname = family_surname
            else:
                surname = None
            if floating:
                region = home_region
            elif age >= 40 and rng.random() < 0.25:
                # settled in the city as adults: born elsewhere
                region = _weighted(rng, ORIGINS)[2]
            elif member["relation"] in ("child", "grandchild"):
                region = home_region
            else:
                region = _weighted(rng, CITY_REGIONS)[0]
            has_phone = age >= 14 and rng.random() < (0.65 if age >= 80 else 0.96)
            resident = {
                "household": household_index,
                "name": self.person_name(sex, age, surname),
                "id_number": self.id_number(region, birth, sex),
                "birth_date": birth,
                "sex": sex,
                "phone": self.phone() if has_phone else None,
                "relation": member["relation"],
                "residence_type": "floating" if floating else "registered",
                "registered_address": (
                    "%s%s" % (origin[0], origin[1]) if floating
                    else household["address"]
                    if household["household_type"] == "registered"
                    else "%s%s%d号" % (CITY, rng.choice(ROADS), rng.randint(1, 200))),
                "actual_address": household["address"],
                "arrival_date": arrival,
                "origin": "%s%s" % (origin[0], origin[1]) if floating else None,
                "care_groups": [],
            }
            self.result["residents"].append(resident)
        household["head"] = first_index
        self.care_groups(first_index, len(members))

    def care_groups(self, first_index, count):
        """Care groups in their usual shares: 独居老人 every elderly resident
        living alone, 低保 2–3% (whole households), 残疾 ~2%, 退役军人 ~1%,
        特困 under 1% (mostly elderly alone)."""
        rng, today = self.rng, self.today
        residents = self.result["residents"][first_index:first_index + count]
        household = self.result["households"][residents[0]["household"]]
        low_income = (household["household_type"] == "registered"
                      and rng.random() < 0.025)
        for resident in residents:
            age = age_on(resident["birth_date"], today)
            groups = resident["care_groups"]
            alone_elderly = count == 1 and age >= 65
            if alone_elderly:
                groups.append(CARE_ELDERLY_ALONE)
            if low_income:
                groups.append(CARE_LOW_INCOME)
            if rng.random() < (0.005 if age < 18 else 0.015 if age < 60 else 0.04):
                groups.append(CARE_DISABLED)
            if 22 <= age <= 90 and rng.random() < (
                    0.025 if resident["sex"] == "male" else 0.001):
                groups.append(CARE_VETERAN)
            if (alone_elderly and rng.random() < 0.1) or (
                    count == 1 and CARE_DISABLED in groups and rng.random() < 0.3):
                groups.append(CARE_EXTREME_POVERTY)
        household["is_party_member"] = rng.random() < 0.12
        household["is_civilised"] = rng.random() < 0.08

    # -- posts, organisations, volunteers -----------------------------------

    def _adults_by_building(self):
        adults = {}
        for index, resident in enumerate(self.result["residents"]):
            age = age_on(resident["birth_date"], self.today)
            if 30 <= age <= 75 and resident["residence_type"] == "registered":
                building = self.result["households"][resident["household"]][
                    "building"]
                adults.setdefault(building, []).append(index)
        return adults

    def _term_start(self):
        """Terms began half a year to four years ago."""
        latest, earliest = TERM_START_DAYS
        return self.today - datetime.timedelta(
            days=latest + self.rng.randint(0, earliest - latest))

    def _post(self, post_type, resident, level_field, level_index, community):
        rng = self.rng
        start = self._term_start()
        elected = post_type == POST_BUILDING_HEAD and rng.random() < 0.4
        post = {
            "type": post_type, "resident": resident, "community": community,
            "building": None, "compound": None,
            "date_start": start,
            "date_end": (_years_before(start, -5) - datetime.timedelta(days=1)
                         if elected else None),
            "selection_method": "elected" if elected else "appointed",
            "vote_count": 0,
        }
        post[level_field] = level_index
        self.result["posts"].append(post)
        return post

    def posts(self):
        """A building head for ~95% of the buildings (40% elected by all
        households, "海选"), unit heads in a third of the units, a party
        group leader and an area head for most compounds."""
        rng, result = self.rng, self.result
        adults = self._adults_by_building()
        households_per_building = {}
        for household in result["households"]:
            households_per_building[household["building"]] = (
                households_per_building.get(household["building"], 0) + 1)
        compound_adults = {}
        for building_index, building in enumerate(result["buildings"]):
            candidates = adults.get(building_index, [])
            compound_adults.setdefault(building["compound"], []).extend(
                candidates)
            community = result["compounds"][building["compound"]]["community"]
            if not candidates or rng.random() >= 0.95:
                continue
            post = self._post(POST_BUILDING_HEAD, rng.choice(candidates),
                              "building", building_index, community)
            if post["selection_method"] == "elected":
                households = households_per_building[building_index]
                post["vote_count"] = rng.randint(
                    max(1, households // 3), max(1, households))
            if building["unit_count"] > 1:
                for _unit in range(building["unit_count"]):
                    if rng.random() < 0.33:
                        self._post(POST_UNIT_HEAD, rng.choice(candidates),
                                   "building", building_index, community)
        for compound_index, compound in enumerate(result["compounds"]):
            candidates = compound_adults.get(compound_index)
            if not candidates:
                continue
            if rng.random() < 0.9:
                self._post(POST_PARTY_GROUP_LEADER, rng.choice(candidates),
                           "compound", compound_index, compound["community"])
            if rng.random() < 0.6:
                self._post(POST_AREA_HEAD, rng.choice(candidates),
                           "compound", compound_index, compound["community"])

    def _organisation(self, name, organisation_type, community, **extra):
        organisation = {
            "name": name, "organisation_type": organisation_type,
            "community": community, "social_org_status": None,
        }
        organisation.update(extra)
        self.result["organisations"].append(organisation)
        return len(self.result["organisations"]) - 1

    def organisations(self):
        """Resident-area units, a property company per estate, owners'
        committees, social organisations and volunteer teams per community;
        the councils."""
        rng, result = self.rng, self.result
        teams = {}
        for compound_index, compound in enumerate(result["compounds"]):
            if compound["kind"] != "estate":
                continue
            self._organisation(
                "北京%s物业管理有限公司" % compound["name"], "property_company",
                compound["community"], compound=compound_index)
            if rng.random() < 0.4:
                self._organisation(compound["name"] + "业主委员会",
                                   "owners_committee", compound["community"],
                                   compound=compound_index)
        for community_index, community in enumerate(result["communities"]):
            short = community["name"][:-2]
            units = [self._organisation("%s%s" % (short, unit), "resident_unit",
                                        community_index)
                     for unit in rng.sample(RESIDENT_UNITS, rng.randint(2, 5))]
            orgs = []
            for name, status in rng.sample(SOCIAL_ORGS, rng.randint(2, 4)):
                orgs.append(self._organisation(
                    "%s社区%s" % (short, name), "social_org", community_index,
                    social_org_status=status))
            teams[community_index] = [
                self._organisation("%s社区%s" % (short, name), "volunteer_team",
                                   community_index)
                for name in VOLUNTEER_TEAMS[:rng.randint(1, 3)]]
            result["councils"].append({
                "name": "%s社区党建联席会" % short, "kind": "party_building",
                "community": community_index, "members": units + orgs[:1],
            })
            if rng.random() < 0.5:
                result["councils"].append({
                    "name": "%s社区共驻共建联席会" % short, "kind": "co_building",
                    "community": community_index, "members": units,
                })
        self.volunteer_activities(teams)

    def volunteer_activities(self, teams):
        """About 4% of the adult residents are registered volunteers of
        their community's teams, each with a few activities in the last
        year."""
        rng, result, today = self.rng, self.result, self.today
        for index, resident in enumerate(result["residents"]):
            age = age_on(resident["birth_date"], today)
            if not 18 <= age <= 78 or rng.random() >= 0.04:
                continue
            household = result["households"][resident["household"]]
            building = result["buildings"][household["building"]]
            community = result["compounds"][building["compound"]]["community"]
            team = rng.choice(teams[community])
            for _activity in range(rng.randint(1, 6)):
                result["volunteer_activities"].append({
                    "date": today - datetime.timedelta(days=rng.randint(1, 365)),
                    "team": team,
                    "volunteer": index,
                    "hours": rng.choice([1.0, 1.5, 2.0, 2.0, 3.0, 4.0]),
                    "description": rng.choice(VOLUNTEER_TASKS),
                    "community": community,
                })

    # -- admission and seals ------------------------------------------------

    def admission(self):
        """Requests of the district's departments to push work down, in
        every state; the seal catalogue of each street and its use."""
        rng, result, today = self.rng, self.result, self.today
        states = (["approved"] * 6 + ["submitted"] * 2
                  + ["draft", "rejected", "closed"])
        communities_by_street = {}
        for index, community in enumerate(result["communities"]):
            communities_by_street.setdefault(community["street"], []).append(index)
        year_start = today.replace(month=1, day=1)
        elapsed = (today - year_start).days
        for number, (task_type, name, basis) in enumerate(ADMISSION_TASKS):
            street = number % len(result["streets"])
            communities = communities_by_street[street]
            # the catalogue is kept per year: this year's requests, started
            # between 1 January and today
            start = year_start + datetime.timedelta(
                days=rng.randint(0, 365) * elapsed // 365)
            result["admission_requests"].append({
                "name": name, "task_type": task_type, "legal_basis": basis,
                "department": number % len(result["departments"]),
                "street": street,
                "communities": sorted(rng.sample(
                    communities, rng.randint(1, len(communities)))),
                "workload": rng.choice(["每月1次", "每季度1次", "一次性，约2周",
                                        "每年1次", "持续，每周约4小时"]),
                "funding_amount": float(rng.randint(2, 60) * 1000),
                "date_start": start,
                "date_end": start + datetime.timedelta(days=rng.randint(30, 365)),
                "state": rng.choice(states),
            })
        for street in range(len(result["streets"])):
            for code, name, basis in SEAL_ITEMS:
                result["seal_items"].append({
                    "code": "%s-%d" % (code, street + 1), "name": name,
                    "legal_basis": basis, "street": street,
                })
        items_per_street = len(SEAL_ITEMS)
        residents_by_community = {}
        for index, resident in enumerate(result["residents"]):
            household = result["households"][resident["household"]]
            building = result["buildings"][household["building"]]
            community = result["compounds"][building["compound"]]["community"]
            residents_by_community.setdefault(community, []).append(index)
        for community_index, community in enumerate(result["communities"]):
            residents = residents_by_community.get(community_index)
            if not residents:
                continue
            for _usage in range(max(3, int(round(300 * self.scale)))):
                resident = rng.choice(residents)
                item = (community["street"] * items_per_street
                        + rng.randrange(items_per_street))
                day = today - datetime.timedelta(days=rng.randint(1, 365))
                result["seal_usages"].append({
                    "item": item,
                    "date": datetime.datetime.combine(day, datetime.time(
                        rng.randint(8, 16), rng.choice([0, 15, 30, 45]))),
                    "applicant": result["residents"][resident]["name"],
                    "resident": resident,
                    "document": "%s%s" % (result["seal_items"][item]["name"],
                                          rng.choice(SEAL_DOCUMENTS)),
                    "community": community_index,
                })

    def run(self):
        self.streets_and_communities()
        for index in range(len(self.result["communities"])):
            self.compounds(index)
        self.posts()
        self.organisations()
        self.admission()
        return self.result


def generate(seed=1, scale=0.05, today=DEMO_TODAY):
    """Generate a street: ``scale=1.0`` gives about 20,000 households and
    50,000 residents, ``scale=0.05`` about 1,000 households. The same
    ``seed``, ``scale`` and ``today`` always give the same street."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    return _StreetGenerator(seed, scale, today).run()


def community_of_household(street, household_index):
    """Index of the community of a household of ``street``."""
    building = street["buildings"][street["households"][household_index][
        "building"]]
    return street["compounds"][building["compound"]]["community"]
