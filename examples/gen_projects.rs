//! Deterministic synthetic project records for the compliance benchmark (`benches/compliance/`).
//
// usage: cargo run --release --example gen_projects -- OUT_DIR [N ...] [--seed 20260101]
//
// For every N, writes OUT_DIR/<tag>.csv (tag 100k, 1m, 10m, or the plain number) with the columns
// `id,program,supporter,recipient,year,category,livelihood,county_or_below,planned,spent,completed`,
// and once per run OUT_DIR/pairings.csv (the declared supporter–recipient–program triples) and
// OUT_DIR/pairings.dk (the same triples as duikou actors and pairs); with no N, only the latter two.
//
// The same seed and N give byte-identical files, and the records of one size do not depend on the
// other sizes requested. Rows are streamed: memory stays constant however large N is.
//
// Type of the data, chosen so every benchmark rule has violations at every size:
// - 150 recipients, each with exactly one declared pairing: 150 triples;
// - about 1% of rows use one of 30 fixed undeclared triples (a wrong supporter or a wrong program);
// - each (supporter, recipient, year) group has its own livelihood and county-or-below propensity,
//   derived from a hash of the key, so R1/R2 failures stay a stable share of groups as N grows;
// - spent/planned ratios never come within 0.5% of 0.9 or 1.1, so float rounding cannot make two
//   engines disagree on R3.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

const PROGRAMS: [&str; 4] = ["援疆", "援藏", "东西部协作", "定点帮扶"];
/// The year each program began, used as the `from` year of its pairs.
const PROGRAM_SINCE: [u16; 4] = [2010, 1994, 1996, 2002];

// Names are whitespace-separated so the lists stay compact; `supporters` and `build_pairings`
// split them.
const SUPPORTERS: &str = "
    北京 天津 上海 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 重庆 四川
    深圳 广州 杭州 宁波 南京 苏州 无锡 青岛 大连 厦门 珠海 佛山 东莞 中山 福州 济南 武汉 长沙 成都 西安";
/// Supporters from this index on are cities rather than provinces.
const FIRST_CITY_SUPPORTER: usize = 20;

/// Recipients of each program, in the order of `PROGRAMS`: 40 + 40 + 40 + 30.
const RECIPIENTS: [&str; 4] = [
    "喀什地区 和田地区 阿克苏地区 克孜勒苏州 伊犁州 塔城地区 阿勒泰地区 博尔塔拉州 昌吉州 哈密市
     吐鲁番市 巴音郭楞州 疏附县 疏勒县 英吉沙县 泽普县 莎车县 叶城县 麦盖提县 岳普湖县 伽师县 巴楚县
     塔什库尔干县 墨玉县 皮山县 洛浦县 策勒县 于田县 民丰县 乌什县 柯坪县 阿合奇县 阿图什市 阿克陶县
     乌恰县 兵团第一师 兵团第三师 兵团第十四师 察布查尔县 霍城县",
    "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区 堆龙德庆区 达孜区 林周县 当雄县 尼木县
     曲水县 墨竹工卡县 江孜县 定日县 萨迦县 拉孜县 昂仁县 谢通门县 白朗县 仁布县 康马县 亚东县 吉隆县
     聂拉木县 萨嘎县 岗巴县 江达县 贡觉县 类乌齐县 丁青县 察雅县 八宿县 左贡县 芒康县 洛隆县 边坝县
     工布江达县 米林市",
    "遵义市 毕节市 铜仁市 黔东南州 黔南州 黔西南州 六盘水市 安顺市 昭通市 怒江州 文山州 红河州 普洱市
     临沧市 大理州 楚雄州 定西市 临夏州 甘南州 陇南市 天水市 固原市 吴忠市 中卫市 海东市 黄南州 果洛州
     玉树州 凉山州 甘孜州 阿坝州 百色市 河池市 恩施州 湘西州 赣州市 延边州 兴安盟 乌兰察布市 赤峰市",
    "城口县 巫溪县 酉阳县 彭水县 石柱县 秀山县 兰考县 卢氏县 平利县 镇安县 岚皋县 紫阳县 汉阴县 宁陕县
     旬阳市 白河县 西吉县 海原县 隆德县 泾源县 彭阳县 静宁县 庄浪县 会宁县 通渭县 岷县 漳县 渭源县
     临洮县 东乡县",
];
/// County-level cities among the recipients: their names end in 市 but they rank as counties.
const COUNTY_LEVEL_CITIES: [&str; 3] = ["阿图什市", "米林市", "旬阳市"];

const CATEGORIES_LIVELIHOOD: [&str; 4] = ["民生", "教育", "医疗", "文化"];
const CATEGORIES_OTHER: [&str; 3] = ["产业", "基础设施", "生态"];
const FIRST_YEAR: u16 = 2012;
const YEARS: usize = 14;
const N_UNDECLARED: usize = 30;
const UNDECLARED_SHARE: f64 = 0.01;
const DEFAULT_SEED: u64 = 20260101;

const HEADER: &str = "id,program,supporter,recipient,year,category,livelihood,county_or_below,planned,spent,completed\n";

/// SplitMix64: tiny, fast and fixed forever, so the output does not change with a library version.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform index below `n`; the bias of the multiply-shift is below 2^-56 for these sizes.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// exp of a normal draw (Box–Muller).
    fn lognormal(&mut self, mu: f64, sigma: f64) -> f64 {
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        (mu + sigma * z).exp()
    }
}

/// FNV-1a, to seed a group's propensities from its key alone.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Clone, Copy, PartialEq)]
struct Triple {
    supporter: &'static str,
    recipient: &'static str,
    program: usize,
}

/// The 40 supporters, in list order.
fn supporters() -> Vec<&'static str> {
    let v: Vec<_> = SUPPORTERS.split_whitespace().collect();
    assert_eq!(v.len(), 40, "the supporter list");
    v
}

/// The 150 declared triples (one per recipient) and the 30 undeclared ones about 1% of rows use.
fn build_pairings(seed: u64, supporters: &[&'static str]) -> (Vec<Triple>, Vec<Triple>) {
    let mut rng = Rng(seed);
    let recipients = (RECIPIENTS.iter().enumerate())
        .flat_map(|(program, names)| names.split_whitespace().map(move |r| (r, program)));
    let mut declared = Vec::with_capacity(150);
    for (i, (recipient, program)) in recipients.enumerate() {
        // Every supporter gets at least three recipients; the rest at random.
        let supporter = if i < 120 {
            supporters[i % supporters.len()]
        } else {
            *rng.pick(supporters)
        };
        declared.push(Triple {
            supporter,
            recipient,
            program,
        });
    }
    assert_eq!(declared.len(), 150, "the recipient lists");
    let mut undeclared = Vec::with_capacity(N_UNDECLARED);
    while undeclared.len() < N_UNDECLARED {
        let mut t = *rng.pick(&declared);
        if rng.unit() < 0.5 {
            t.supporter = *rng.pick(supporters); // a wrong supporter for this recipient
        } else {
            t.program = rng.below(PROGRAMS.len()); // a wrong program for this pair
        }
        if !declared.contains(&t) && !undeclared.contains(&t) {
            undeclared.push(t);
        }
    }
    (declared, undeclared)
}

/// (livelihood, county-or-below) propensity of one (supporter, recipient, year) group: the same
/// for every N and every order of encounter.
fn group_props(seed: u64, t: &Triple, year: u16) -> (f64, f64) {
    let key = format!("{seed}|{}|{}|{year}", t.supporter, t.recipient);
    let mut h = Rng(fnv1a(key.as_bytes()));
    (h.uniform(0.64, 0.94), h.uniform(0.72, 0.97))
}

fn tag(n: u64) -> String {
    if n % 1_000_000 == 0 {
        format!("{}m", n / 1_000_000)
    } else if n % 1_000 == 0 {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    }
}

/// Writes through a temporary name and renames at the end, so an interrupted run leaves no file
/// that looks complete.
fn write_file(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
    body(&mut w)?;
    w.flush()?;
    drop(w);
    fs::rename(&tmp, path)
}

fn write_pairings_csv(path: &Path, declared: &[Triple]) -> io::Result<()> {
    write_file(path, |w| {
        w.write_all(b"supporter,recipient,program\n")?;
        for t in declared {
            writeln!(w, "{},{},{}", t.supporter, t.recipient, PROGRAMS[t.program])?;
        }
        Ok(())
    })
}

fn recipient_level(name: &str) -> &'static str {
    let county = !name.ends_with("地区")
        && (name.ends_with('县') || name.ends_with('区') || name.ends_with('旗'))
        || COUNTY_LEVEL_CITIES.contains(&name);
    if county { "county" } else { "prefecture" }
}

fn write_pairings_dk(
    path: &Path,
    seed: u64,
    supporters: &[&str],
    declared: &[Triple],
) -> io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// Benchmark actors and declared pairings (gen_projects, seed {seed})."
    );
    s.push_str("\n// 支援方：省（直辖市）与城市\n");
    for (i, name) in supporters.iter().enumerate() {
        let level = if i < FIRST_CITY_SUPPORTER {
            "province"
        } else {
            "prefecture"
        };
        let _ = writeln!(s, "actor {name} {{ kind: government, level: {level} }}");
    }
    s.push_str("\n// 受援地\n");
    for t in declared {
        let level = recipient_level(t.recipient);
        let _ = writeln!(
            s,
            "actor {} {{ kind: government, level: {level} }}",
            t.recipient
        );
    }
    s.push_str("\n// 结对\n");
    for t in declared {
        let (program, since) = (PROGRAMS[t.program], PROGRAM_SINCE[t.program]);
        let _ = writeln!(
            s,
            "pair {} -> {} in {program} from {since}",
            t.supporter, t.recipient
        );
    }
    write_file(path, |w| w.write_all(s.as_bytes()))
}

/// An amount in cents, written with two decimals.
struct Money(i64);

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

fn write_size(
    out: &Path,
    n: u64,
    seed: u64,
    declared: &[Triple],
    undeclared: &[Triple],
) -> io::Result<()> {
    // Propensities of every group any row can fall in, computed once: 180 triples × 14 years.
    let props = |ts: &[Triple]| -> Vec<[(f64, f64); YEARS]> {
        let year = |y: usize| FIRST_YEAR + y as u16;
        ts.iter()
            .map(|t| std::array::from_fn(|y| group_props(seed, t, year(y))))
            .collect()
    };
    let (declared_props, undeclared_props) = (props(declared), props(undeclared));
    let mut rng = Rng(seed.wrapping_mul(1_000_003).wrapping_add(n));
    let path = out.join(format!("{}.csv", tag(n)));
    write_file(&path, |w| {
        w.write_all(HEADER.as_bytes())?;
        for i in 0..n {
            let (ts, ps) = if rng.unit() < UNDECLARED_SHARE {
                (undeclared, &undeclared_props)
            } else {
                (declared, &declared_props)
            };
            let k = rng.below(ts.len());
            let t = &ts[k];
            let y = rng.below(YEARS);
            let year = FIRST_YEAR + y as u16;
            let (p_liv, p_cob) = ps[k][y];
            let livelihood = rng.unit() < p_liv;
            let category = if livelihood {
                *rng.pick(&CATEGORIES_LIVELIHOOD)
            } else {
                *rng.pick(&CATEGORIES_OTHER)
            };
            let county = rng.unit() < p_cob;
            let planned = (rng.lognormal(5.7, 1.2).clamp(10.0, 200_000.0) * 100.0).round() as i64;
            let p_done = match year {
                ..=2022 => 0.95,
                2023 => 0.6,
                2024 => 0.4,
                _ => 0.2,
            };
            let completed = rng.unit() < p_done;
            let u = rng.unit();
            let ratio = match (completed, u) {
                (true, u) if u < 0.03 => rng.uniform(0.50, 0.88), // under-spent: R3
                (true, u) if u < 0.04 => rng.uniform(1.12, 1.40), // over-spent: R3
                (true, _) => rng.uniform(0.92, 1.08),
                (false, u) if u < 0.01 => rng.uniform(1.12, 1.30), // over-spent: R3
                (false, _) => rng.uniform(0.0, 0.88),
            };
            let spent = (planned as f64 * ratio).round() as i64;
            writeln!(
                w,
                "CP{i:08},{},{},{},{year},{category},{livelihood},{county},{},{},{completed}",
                PROGRAMS[t.program],
                t.supporter,
                t.recipient,
                Money(planned),
                Money(spent),
            )?;
        }
        Ok(())
    })?;
    eprintln!("wrote {} ({n} records)", path.display());
    Ok(())
}

const USAGE: &str = "usage: gen_projects OUT_DIR [N ...] [--seed 20260101]";

fn parse_args() -> Result<(String, Vec<u64>, u64), String> {
    let mut seed = DEFAULT_SEED;
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--seed" {
            let v = args.next().ok_or("`--seed` needs a value")?;
            seed = v.parse().map_err(|_| format!("bad seed `{v}`"))?;
        } else {
            positional.push(a);
        }
    }
    let mut positional = positional.into_iter();
    let out = positional.next().ok_or(USAGE)?;
    let sizes = positional
        .map(|a| match a.replace('_', "").parse() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("bad row count `{a}`: expected a positive integer")),
        })
        .collect::<Result<Vec<u64>, _>>()?;
    Ok((out, sizes, seed))
}

fn run(out: &Path, sizes: &[u64], seed: u64) -> io::Result<()> {
    fs::create_dir_all(out)?;
    let supporters = supporters();
    let (declared, undeclared) = build_pairings(seed, &supporters);
    write_pairings_csv(&out.join("pairings.csv"), &declared)?;
    write_pairings_dk(&out.join("pairings.dk"), seed, &supporters, &declared)?;
    for &n in sizes {
        write_size(out, n, seed, &declared, &undeclared)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let (out, sizes, seed) = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(Path::new(&out), &sizes, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
