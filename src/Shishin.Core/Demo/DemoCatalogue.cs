using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>A demo service as written here; <see cref="DemoData"/> marks its names 【デモ】 / [Demo] when it stores it.</summary>
internal sealed record DemoServiceSpec(
    string Key,
    string Owner,
    ServicePhase Phase,
    ServiceChannel Channel,
    bool IsPublic,
    string NameJa,
    string NameEn,
    string Audience,
    string DescriptionJa,
    string DescriptionEn,
    int Applications,
    params string[] Partners);

/// <summary>
/// A demo assessment. <see cref="DaysAgo"/> dates it back from today (published, or started for one not yet
/// published); <see cref="ReassessmentOf"/> is the index in <see cref="DemoCatalogue.Assessments"/> of the Red one it reassesses.
/// </summary>
internal sealed record DemoAssessmentSpec(string Service, LifecyclePhase Phase, AssessmentStatus Status, Rag? Rag, int DaysAgo, int? ReassessmentOf = null);

internal sealed record DemoPartnerSpec(string Key, string NameJa, string NameEn);

internal sealed record DemoUserSpec(string LocalPart, string DisplayName, string Role, params string[] Organizations);

/// <summary>
/// The demo data set: made-up but plausible services of Tokyo's bureaus and municipalities, in every phase, with their
/// assessments. Plain data in code (not a resource file) so that the compiler checks every enum and a rename reaches it.
/// </summary>
internal static class DemoCatalogue
{
    public const string EmailDomain = "demo.shishin.example";
    public const string KeyPrefix = "demo-";
    public const string NamePrefixJa = "【デモ】";
    public const string NamePrefixEn = "[Demo] ";

    public static readonly IReadOnlyList<DemoPartnerSpec> Partners =
    [
        new("demo-partner-systems", "【デモ】株式会社デモシステムズ", "[Demo] Demo Systems Co., Ltd."),
        new("demo-partner-design", "【デモ】デモデザイン合同会社", "[Demo] Demo Design LLC"),
        new("demo-partner-cloud", "【デモ】株式会社デモクラウド", "[Demo] Demo Cloud Inc."),
    ];

    public static readonly IReadOnlyList<DemoUserSpec> Users =
    [
        new("demo-admin", "【デモ】管理者", Identity.Roles.Admin),
        new("demo-reviewer", "【デモ】評価パネル 主査", Identity.Roles.Reviewer),
        new("demo-reviewer2", "【デモ】評価パネル 委員", Identity.Roles.Reviewer),
        new("demo-owner", "【デモ】局のサービス担当", Identity.Roles.ServiceOwner, "bureau-digital-service", "bureau-taxation", "bureau-social-welfare"),
        new("demo-owner-city", "【デモ】区市のサービス担当", Identity.Roles.ServiceOwner, "chiyoda", "minato", "setagaya"),
        new("demo-partner", "【デモ】パートナー企業の担当", Identity.Roles.Partner, "demo-partner-systems"),
    ];

    public static readonly IReadOnlyList<DemoServiceSpec> Services =
    [
        // Bureaus of the Tokyo Metropolitan Government
        new("demo-tokyo-app-points", "bureau-digital-service", ServicePhase.Operation, ServiceChannel.App, true,
            "東京都公式アプリのポイント連携", "Tokyo official app: points", "都民",
            "都の事業への参加で貯まるポイントを公式アプリでまとめて受け取れるようにする。", "Collect the points of Tokyo's programmes in the official app.",
            180000, "demo-partner-systems", "demo-partner-design"),
        new("demo-procedure-portal", "bureau-digital-service", ServicePhase.Operation, ServiceChannel.Web, true,
            "行政手続ポータル", "Administrative procedures portal", "都民・事業者",
            "都の手続を目的から探し、そのまま電子申請に進めるポータル。", "Find Tokyo's procedures by what you need to do and apply online.",
            420000, "demo-partner-cloud"),
        new("demo-staff-helpdesk", "bureau-digital-service", ServicePhase.Operation, ServiceChannel.Web, false,
            "職員向けITヘルプデスク", "IT help desk for staff", "職員",
            "職員からのIT機器・システムの問合せを受け付け、回答をナレッジとして共有する。", "Staff ask about devices and systems; answers become shared knowledge.",
            36000, "demo-partner-systems"),
        new("demo-car-tax-payment", "bureau-taxation", ServicePhase.Operation, ServiceChannel.Web, true,
            "自動車税のオンライン納付", "Paying automobile tax online", "都民",
            "自動車税種別割をスマートフォン決済やクレジットカードで納付できるようにする。", "Pay automobile tax by smartphone payment or credit card.",
            2400000, "demo-partner-cloud"),
        new("demo-tax-certificate", "bureau-taxation", ServicePhase.Development, ServiceChannel.Web, true,
            "納税証明書のオンライン請求", "Requesting a tax certificate online", "都民・事業者",
            "窓口や郵送で請求していた納税証明書を、電子申請と電子交付で受け取れるようにする。", "Request a tax certificate online and receive it electronically.",
            95000, "demo-partner-systems"),
        new("demo-care-housing-subsidy", "bureau-social-welfare", ServicePhase.Requirements, ServiceChannel.Web, true,
            "介護職員の宿舎借上げ支援の申請", "Housing support for care workers", "事業者",
            "介護事業所が職員宿舎の借上げ費用の補助を、書類を郵送せずに申請できるようにする。", "Care providers apply for staff housing subsidies without posting paper.",
            4200),
        new("demo-welfare-facility-search", "bureau-social-welfare", ServicePhase.Operation, ServiceChannel.Web, true,
            "福祉施設の検索", "Finding welfare facilities", "都民",
            "高齢者・障害者向けの施設を、空き状況や送迎の有無で探せるようにする。", "Find care facilities by vacancies and transport.",
            310000, "demo-partner-design"),
        new("demo-vaccination-booking", "bureau-public-health", ServicePhase.Retired, ServiceChannel.Web, true,
            "大規模接種会場の予約", "Booking mass vaccination slots", "都民",
            "大規模接種会場の予約を受け付けた。事業終了に伴い廃止した。", "Booked slots at mass vaccination centres; retired when the programme ended.",
            850000, "demo-partner-cloud"),
        new("demo-health-chat", "bureau-public-health", ServicePhase.ServiceDesign, ServiceChannel.Web, true,
            "健康相談チャット", "Health advice chat", "都民",
            "夜間や休日でも、体調の相談をチャットで受けられるようにする。", "Get health advice by chat at night and on holidays.",
            60000),
        new("demo-startup-grant", "bureau-industrial-labor", ServicePhase.Operation, ServiceChannel.Web, true,
            "創業助成金の電子申請", "Start-up grant applications", "事業者",
            "創業間もない事業者が、助成金の申請から実績報告までを電子で行えるようにする。", "Start-ups apply for grants and report results online.",
            3800, "demo-partner-systems"),
        new("demo-job-training", "bureau-industrial-labor", ServicePhase.Development, ServiceChannel.Web, true,
            "職業訓練の申込み", "Applying for vocational training", "求職者",
            "職業能力開発センターの訓練コースを比較し、オンラインで申し込めるようにする。", "Compare vocational training courses and apply online.",
            21000),
        new("demo-public-housing", "bureau-housing-policy", ServicePhase.Operation, ServiceChannel.Web, true,
            "都営住宅の入居申込み", "Applying for metropolitan housing", "都民",
            "年4回の定期募集の申込みを、はがきに加えて電子申請でも受け付ける。", "Apply for metropolitan housing online as well as by postcard.",
            160000, "demo-partner-design"),
        new("demo-solar-subsidy", "bureau-environment", ServicePhase.Development, ServiceChannel.Web, true,
            "太陽光発電設備の助成申請", "Solar panel subsidy applications", "都民・事業者",
            "住宅への太陽光発電設備の設置費用の助成を、施工事業者が代理で電子申請できるようにする。", "Installers apply online for solar panel subsidies on behalf of homeowners.",
            28000, "demo-partner-cloud"),
        new("demo-zev-subsidy", "bureau-environment", ServicePhase.Hypothesis, ServiceChannel.Web, true,
            "ZEV購入補助の申請", "Zero-emission vehicle purchase subsidy", "都民・事業者",
            "電気自動車などの購入補助の申請を、販売店の店頭で完結させられるか検討する。", "Explore completing the EV subsidy application at the dealer.",
            52000),
        new("demo-school-enrolment", "bureau-education", ServicePhase.Requirements, ServiceChannel.Web, true,
            "都立高校の入学手続", "Enrolling at a metropolitan high school", "生徒・保護者",
            "合格後の入学手続と書類の提出をオンラインで行えるようにする。", "Complete enrolment at a metropolitan high school online.",
            41000, "demo-partner-systems"),
        new("demo-road-permit", "bureau-construction", ServicePhase.ServiceDesign, ServiceChannel.Web, true,
            "道路占用許可の申請", "Road occupancy permits", "事業者",
            "工事や看板のための道路占用許可を、図面を添えて電子申請できるようにする。", "Apply for road occupancy permits online with drawings.",
            16000),
        new("demo-sports-booking", "bureau-citizens-culture-sports", ServicePhase.Operation, ServiceChannel.Web, true,
            "スポーツ施設の予約", "Booking sports facilities", "都民",
            "都立スポーツ施設の抽選申込みと予約をスマートフォンで行えるようにする。", "Enter lotteries and book metropolitan sports facilities by smartphone.",
            720000, "demo-partner-design"),
        new("demo-child-support-018", "bureau-children-policy", ServicePhase.Operation, ServiceChannel.Web, true,
            "018サポートの申請", "018 Support application", "子育て世帯",
            "0歳から18歳までの子供への月額給付を、マイナンバーカードで申請できるようにする。", "Apply for the monthly child benefit (age 0 to 18) with a My Number Card.",
            1300000, "demo-partner-cloud", "demo-partner-design"),
        new("demo-water-moving", "bureau-waterworks", ServicePhase.Operation, ServiceChannel.Web, true,
            "水道の使用開始・中止の届出", "Starting and stopping water service", "都民",
            "引越しに伴う水道の使用開始・中止を、24時間オンラインで届け出られるようにする。", "Tell the waterworks you are moving, online at any time.",
            980000),
        new("demo-emergency-advice", "bureau-fire-department", ServicePhase.Hypothesis, ServiceChannel.App, true,
            "救急受診の相談アプリ", "Emergency care advice app", "都民",
            "救急車を呼ぶべきか迷ったときに、症状から受診の目安を示せるか検証する。", "Test whether an app can tell people when to call an ambulance.",
            400000),
        new("demo-building-confirmation", "bureau-urban-development", ServicePhase.Requirements, ServiceChannel.Web, true,
            "建築確認の電子申請", "Building confirmation applications", "事業者",
            "建築確認の申請と図書の提出を電子化し、審査の進み具合を見えるようにする。", "Apply for building confirmation online and follow the review.",
            9000),
        new("demo-staff-attendance", "bureau-general-affairs", ServicePhase.Development, ServiceChannel.Web, false,
            "職員の勤怠管理", "Staff attendance", "職員",
            "紙の出勤簿と休暇簿をやめ、勤怠をシステムで管理する。", "Replace paper attendance and leave books with a system.",
            170000, "demo-partner-systems"),

        // Municipalities
        new("demo-chiyoda-nursery", "chiyoda", ServicePhase.Operation, ServiceChannel.Web, true,
            "保育園の入園申込み", "Applying for a nursery place", "子育て世帯",
            "保育園の入園申込みを、就労証明書の提出も含めてオンラインで完結させる。", "Apply for a nursery place online, work certificate included.",
            2600, "demo-partner-systems"),
        new("demo-chiyoda-residence-copy", "chiyoda", ServicePhase.Development, ServiceChannel.Web, true,
            "住民票の写しのオンライン請求", "Requesting a copy of the residence record", "区民",
            "住民票の写しをオンラインで請求し、郵送で受け取れるようにする。", "Request a copy of your residence record online and receive it by post.",
            48000),
        new("demo-minato-bulky-waste", "minato", ServicePhase.Operation, ServiceChannel.Web, true,
            "粗大ごみの収集申込み", "Booking bulky waste collection", "区民",
            "粗大ごみの収集日の予約と手数料の支払いをオンラインで行えるようにする。", "Book bulky waste collection and pay the fee online.",
            74000, "demo-partner-cloud"),
        new("demo-minato-counter-booking", "minato", ServicePhase.ServiceDesign, ServiceChannel.Counter, true,
            "窓口の来庁予約", "Booking a counter appointment", "区民",
            "区役所の窓口を予約制にして、待ち時間をなくす。", "Book a time at the ward office counter and skip the queue.",
            120000),
        new("demo-shinjuku-living-guide", "shinjuku", ServicePhase.Operation, ServiceChannel.Web, true,
            "外国人住民向け多言語生活ガイド", "Multilingual living guide for foreign residents", "外国人住民",
            "転入した外国人住民が、必要な手続と生活情報を母語で確認できるようにする。", "Foreign residents find the procedures and information they need in their language.",
            90000, "demo-partner-design"),
        new("demo-setagaya-child-allowance", "setagaya", ServicePhase.Development, ServiceChannel.Web, true,
            "児童手当の申請", "Child allowance applications", "子育て世帯",
            "出生や転入に伴う児童手当の申請を、マイナポータルと連携して電子化する。", "Apply for child allowance online, linked with Mynaportal.",
            15000, "demo-partner-systems"),
        new("demo-setagaya-library", "setagaya", ServicePhase.Operation, ServiceChannel.Web, true,
            "図書館の予約", "Reserving library books", "区民",
            "区立図書館の資料を検索・予約し、受け取る館を選べるようにする。", "Search and reserve library books and choose where to collect them.",
            1900000),
        new("demo-shibuya-bicycle-parking", "shibuya", ServicePhase.Requirements, ServiceChannel.Web, true,
            "駐輪場の定期利用申込み", "Season tickets for bicycle parking", "区民・通勤者",
            "区営駐輪場の定期利用の申込みと更新を、窓口に行かずに済ませられるようにする。", "Apply for and renew bicycle parking season tickets online.",
            22000),
        new("demo-nerima-disaster-map", "nerima", ServicePhase.Operation, ServiceChannel.App, true,
            "防災マップ", "Disaster preparedness map", "区民",
            "避難所や給水拠点、浸水想定区域を、現在地から確認できるようにする。", "See shelters, water points and flood zones around you.",
            150000, "demo-partner-cloud"),
        new("demo-hachioji-elderly-watch", "hachioji", ServicePhase.Hypothesis, ServiceChannel.Phone, true,
            "高齢者見守りサービス", "Watching over older residents", "高齢者とその家族",
            "一人暮らしの高齢者への定期的な安否確認を、電話と地域の見守りで行えるか検討する。", "Explore regular check-in calls and neighbourhood watch for people living alone.",
            3200),
        new("demo-hachioji-facility-inspection", "hachioji", ServicePhase.Development, ServiceChannel.Web, false,
            "公共施設の点検記録", "Inspection records of public buildings", "職員",
            "公共施設の定期点検の記録をタブレットで入力し、修繕計画に活かす。", "Record building inspections on tablets and feed the repair plan.",
            5400),
        new("demo-machida-tax-consultation", "machida", ServicePhase.ServiceDesign, ServiceChannel.Phone, true,
            "市税の納付相談の予約", "Booking advice on paying local taxes", "市民",
            "納付に困ったときの相談を、電話とオンラインで予約できるようにする。", "Book advice on paying local taxes by phone or online.",
            6800),
        new("demo-musashino-facility-booking", "musashino", ServicePhase.Retired, ServiceChannel.Web, true,
            "旧・市民施設予約システム", "Former community facility booking", "市民",
            "コミュニティセンターの予約を受け付けていた旧システム。新しい共同システムへの移行に伴い廃止した。", "The former booking system of community centres, retired after moving to a shared system.",
            58000),
        new("demo-edogawa-dog-registration", "edogawa", ServicePhase.Requirements, ServiceChannel.Web, true,
            "犬の登録と狂犬病予防注射の届出", "Dog registration and rabies vaccination", "区民",
            "犬の登録と毎年の狂犬病予防注射の届出を、動物病院からも行えるようにする。", "Register dogs and report rabies vaccinations, also from vets.",
            31000),
        new("demo-koto-document-management", "koto", ServicePhase.Operation, ServiceChannel.Web, false,
            "文書管理システム", "Document management", "職員",
            "起案から決裁、保存までを電子で行い、紙の決裁をなくす。", "Draft, approve and keep documents electronically.",
            260000),
        new("demo-chofu-moving-onestop", "chofu", ServicePhase.Hypothesis, ServiceChannel.Web, true,
            "引越しワンストップ", "One-stop moving", "市民",
            "転入・転出に伴う複数の手続を、一度の来庁または一つの申請で終えられるか検討する。", "Explore finishing every moving procedure in one visit or one application.",
            34000),
    ];

    public static readonly IReadOnlyList<DemoAssessmentSpec> Assessments =
    [
        // Published, with a trend across phases for some services
        new("demo-tokyo-app-points", LifecyclePhase.Development, AssessmentStatus.Published, Rag.Green, 430),
        new("demo-tokyo-app-points", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 160),
        new("demo-procedure-portal", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 40),
        new("demo-car-tax-payment", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Red, 210),
        new("demo-car-tax-payment", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 70, ReassessmentOf: 3),
        new("demo-welfare-facility-search", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 6),
        new("demo-startup-grant", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 100),
        new("demo-public-housing", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Red, 30),
        new("demo-sports-booking", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 250),
        new("demo-child-support-018", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 80),
        new("demo-water-moving", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 125),
        new("demo-chiyoda-nursery", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Red, 300),
        new("demo-chiyoda-nursery", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 150, ReassessmentOf: 11),
        new("demo-minato-bulky-waste", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 60),
        new("demo-shinjuku-living-guide", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 96),
        new("demo-setagaya-library", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 200),
        new("demo-nerima-disaster-map", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 45),
        new("demo-tax-certificate", LifecyclePhase.Development, AssessmentStatus.Published, Rag.Amber, 70),
        new("demo-solar-subsidy", LifecyclePhase.Development, AssessmentStatus.Published, Rag.Green, 35),
        new("demo-care-housing-subsidy", LifecyclePhase.Requirements, AssessmentStatus.Published, Rag.Green, 50),
        new("demo-health-chat", LifecyclePhase.ServiceDesign, AssessmentStatus.Published, Rag.Amber, 110),
        new("demo-zev-subsidy", LifecyclePhase.Hypothesis, AssessmentStatus.Published, Rag.Green, 25),
        new("demo-vaccination-booking", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Green, 700),
        new("demo-koto-document-management", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Amber, 90),
        new("demo-staff-helpdesk", LifecyclePhase.Operation, AssessmentStatus.Published, Rag.Red, 15),

        // Under way
        new("demo-public-housing", LifecyclePhase.Operation, AssessmentStatus.Draft, null, 5, ReassessmentOf: 7),
        new("demo-job-training", LifecyclePhase.Development, AssessmentStatus.Draft, null, 12),
        new("demo-chiyoda-residence-copy", LifecyclePhase.Development, AssessmentStatus.Submitted, null, 9),
        new("demo-school-enrolment", LifecyclePhase.Requirements, AssessmentStatus.InReview, null, 20),
        new("demo-road-permit", LifecyclePhase.ServiceDesign, AssessmentStatus.Draft, null, 3),
        new("demo-setagaya-child-allowance", LifecyclePhase.Development, AssessmentStatus.InReview, null, 18),
        new("demo-shibuya-bicycle-parking", LifecyclePhase.Requirements, AssessmentStatus.Submitted, null, 8),
        new("demo-hachioji-elderly-watch", LifecyclePhase.Hypothesis, AssessmentStatus.Draft, null, 4),
        new("demo-staff-attendance", LifecyclePhase.Development, AssessmentStatus.Draft, null, 10),
    ];
}
