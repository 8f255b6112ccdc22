using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Library;
using Partnership.Core.PlanServices;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// The plan's measure-to-service mapping beyond the services' own pointers (docs/adr/0074-measure-services-as-data.md):
/// the extra links, the official notes of measures not served online, and the library's first articles. Metro
/// officials change all three afterwards; seeding only adds what is missing.
/// </summary>
public sealed class PlanServicesSeeder(AppDbContext db)
{
    /// <summary>The day the seeded articles count as published: the first day of the FY2021 plan.</summary>
    private static readonly DateOnly FirstPublished = new(2021, 4, 1);

    private static readonly (string MeasureKey, ServiceKind Kind, string Code)[] Links =
    [
        ("WORKSTYLE-M04", ServiceKind.Consultation, "WORKSTYLE"),
        ("TELEWORK-M05", ServiceKind.Consultation, "TELEWORK-CENTER"),
        ("TELEWORK-C06", ServiceKind.Consultation, "TELEWORK-DESK"),
        ("TELEWORK-C03", ServiceKind.Consultation, "TELEWORK-CENTER"),
        ("TALENT-C03", ServiceKind.Consultation, "DAYCARE"),
        ("TALENT-C04", ServiceKind.Consultation, "FOREIGN-TALENT"),
    ];

    private static readonly (string MeasureKey, string Ja, string En)[] Notes =
    [
        ("TELEWORK-M04",
            "テレワーク体験セミナーは、日程が決まり次第「イベント・セミナー」のページでお知らせし、同ページからお申し込みいただけます。開催のご相談は東京テレワーク推進センター（電話 0120-97-0396、平日9時〜18時）までお問い合わせください。",
            "Telework experience seminars are announced on the Events page as soon as their dates are set, and you can register there. To ask about holding one in your area, contact the Tokyo Telework Promotion Center (0120-97-0396, weekdays 9:00–18:00)."),
        ("SMOOTHBIZ-M02",
            "スムーズビズ関連イベントは、開催が決まり次第「イベント・セミナー」のページでお知らせします。お問い合わせは東京都 政策企画局 スムーズビズ推進担当（電話 03-5388-2037）までご連絡ください。",
            "Smooth Biz events are announced on the Events page once they are scheduled. For questions, contact the Smooth Biz promotion team of the Office of the Governor for Policy Planning (03-5388-2037)."),
        ("LWB-M03",
            "ライフ・ワーク・バランスＥＸＰＯは年1回開催します。開催概要と参加申込みは、決まり次第「イベント・セミナー」のページでお知らせします。お問い合わせは東京都 産業労働局 雇用就業部 労働環境課（電話 03-5320-4649）までご連絡ください。",
            "The Life-Work Balance EXPO is held once a year. Its program and registration are published on the Events page once decided. For questions, contact the Labor Environment Section, Bureau of Industrial and Labor Affairs (03-5320-4649)."),
        ("TALENT-M03",
            "人材確保セミナーは、日程が決まり次第「イベント・セミナー」のページでお知らせします。個別のご相談は、人材確保相談窓口（東京しごと財団）をご利用ください。",
            "Talent acquisition seminars are announced on the Events page once their dates are set. For individual advice, use the Talent Acquisition Consultation Desk (Tokyo Shigoto Foundation)."),
        ("TALENT-M05",
            "「東京カイシャハッケン伝」は冊子として発行し、都内の大学・高校等で配布しています。掲載を希望する企業の募集は東京都 産業労働局 雇用就業部 就業推進課（電話 03-5320-4718）までお問い合わせください。このポータルでの申込みはありません。",
            "\"Tokyo Kaisha Hakkenden\" is published as a booklet and handed out at universities and high schools in Tokyo. Companies that wish to be featured should contact the Employment Promotion Section, Bureau of Industrial and Labor Affairs (03-5320-4718). There is no application on this portal."),
        ("TALENT-M07",
            "外国人留学生等を対象とした合同企業説明会・インターンシップ、特定技能外国人材の就労支援及び海外でのマッチングイベントは、東京都 産業労働局 雇用就業部が実施しています。参加企業の募集は「イベント・セミナー」のページでお知らせし、ご相談は外国人材受入れ支援拠点で承ります。",
            "Joint company information sessions and internships for international students, employment support for specified skilled workers and matching events abroad are run by the Employment Division, Bureau of Industrial and Labor Affairs. Calls for participating companies appear on the Events page; for advice, use the support hub for hiring foreign talent."),
    ];

    private sealed record ArticleSeed(string Code, string MeasureKey, ArticleKind Kind, string TitleJa, string TitleEn, string SummaryJa, string SummaryEn, string BodyJa, string BodyEn);

    private static readonly ArticleSeed[] Articles =
    [
        new("WS-OVERTIME", "WORKSTYLE-M03", ArticleKind.Guide,
            "長時間労働を削減するための手引き", "A guide to reducing long working hours",
            "労働時間の把握から業務の見直し、36協定の点検まで、中小企業が取り組みやすい手順をまとめました。",
            "From recording working hours to reviewing tasks and checking the Article 36 agreement: steps a small company can take.",
            "1. 労働時間を客観的に把握します（タイムカード、パソコンの使用時間等）。\n2. 時間外労働の多い部署と業務を特定します。\n3. 会議・資料作成・承認手続など、業務の進め方を見直します。\n4. 36協定の上限と特別条項の運用を点検します。\n5. 取組の結果を毎月確認し、従業員と共有します。",
            "1. Record working hours objectively (time cards, computer use).\n2. Find the teams and tasks with the most overtime.\n3. Review how meetings, documents and approvals are done.\n4. Check the limits of your Article 36 agreement and how its special clause is used.\n5. Review the results every month and share them with employees."),
        new("WS-LEAVE", "WORKSTYLE-M03", ArticleKind.Article,
            "年次有給休暇の取得を進めるには", "How to encourage employees to take annual paid leave",
            "計画的付与制度や時間単位年休など、年次有給休暇の取得率を高める制度と運用の工夫を紹介します。",
            "Planned leave days, leave by the hour and other schemes and practices that raise the rate of paid leave taken.",
            "年5日の年次有給休暇の確実な取得が義務付けられています。計画的付与制度（労使協定により取得日を計画的に定める制度）や、時間単位年休の導入により、取得しやすい職場をつくることができます。",
            "Employers must ensure that employees take at least five days of annual paid leave a year. Planned leave days (set by a labour-management agreement) and leave by the hour make leave easier to take."),
        new("SB-CASES", "SMOOTHBIZ-M03", ArticleKind.CaseStudy,
            "スムーズビズ推進企業の取組事例", "Case studies of companies practising Smooth Biz",
            "時差出勤やテレワークを組み合わせ、通勤混雑の緩和と生産性向上を両立した都内企業の事例です。",
            "Tokyo companies that combined staggered commuting and telework to ease rush-hour crowding and raise productivity.",
            "製造業A社（従業員80名）は、始業時刻を7時〜10時の間で選べる時差出勤を導入し、朝の混雑時間帯の通勤者を4割減らしました。サービス業B社（従業員30名）は、週2日のテレワークと会議のオンライン化により、移動時間を月約200時間削減しました。",
            "Manufacturer A (80 employees) let staff choose a start time between 7:00 and 10:00 and cut the number commuting in the morning peak by 40 %. Service company B (30 employees) moved to two days of telework a week and online meetings, saving about 200 hours of travel a month."),
        new("LWB-CASES", "LWB-M02", ArticleKind.CaseStudy,
            "ライフ・ワーク・バランス認定企業の取組", "What Life-Work Balance certified companies do",
            "認定企業が実践している長時間労働の削減、育児・介護との両立支援などの取組を紹介します。",
            "How certified companies cut long hours and help employees balance work with childcare and nursing care.",
            "認定企業では、ノー残業デーの徹底、男性の育児休業取得の促進、介護休業中の情報提供など、従業員の生活と仕事の両立を支える取組を進めています。取組の詳細は各社の紹介記事をご覧ください。",
            "Certified companies keep no-overtime days, encourage fathers to take childcare leave and keep employees on nursing-care leave informed, among other initiatives."),
        new("WOMEN-AWARE", "WOMEN-M02", ArticleKind.Article,
            "女性が活躍できる職場づくりのポイント", "Building a workplace where women can thrive",
            "採用・配置・育成・登用の各段階で、女性の活躍を進めるための取組のポイントをまとめました。",
            "Points for advancing women at each stage: hiring, assignment, training and promotion.",
            "まず、採用者・管理職に占める女性の割合や勤続年数の男女差など、自社の現状を数値で把握します。次に課題を特定し、数値目標を含む一般事業主行動計画を策定します。行動計画は都への登録制度をご利用いただけます。",
            "First, measure where your company stands: the share of women among hires and managers, and the difference in years of service. Then identify the issues and set an action plan with numeric targets, which you can register with Tokyo."),
        new("WOMEN-CAREER", "WOMEN-M03", ArticleKind.Guide,
            "女性のキャリア形成・スキルアップ支援ガイド", "A guide to supporting women's careers and skills",
            "研修、メンター制度、再就職支援など、女性のキャリア形成とスキルアップを支える制度と都の支援を紹介します。",
            "Training, mentoring, return-to-work support and Tokyo's programs that help women build careers and skills.",
            "社内研修やメンター制度の導入に加え、都では女性向けのキャリアアップセミナーや再就職支援を実施しています。キャリア形成支援として実施するセミナーは「イベント・セミナー」のページでお知らせします。",
            "Besides in-house training and mentoring, Tokyo runs career seminars and return-to-work support for women. Career-support seminars are announced on the Events page."),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var links = await db.MeasureServiceLinks.Select(l => new { l.MeasureKey, l.Kind, l.ServiceCode }).ToListAsync(ct);
        db.MeasureServiceLinks.AddRange(Links
            .Where(l => !links.Any(x => x.MeasureKey == l.MeasureKey && x.Kind == l.Kind && x.ServiceCode == l.Code))
            .Select(l => new MeasureServiceLink { MeasureKey = l.MeasureKey, Kind = l.Kind, ServiceCode = l.Code }));
        var notes = await db.MeasureOfflineNotes.Select(n => n.MeasureKey).ToHashSetAsync(ct);
        db.MeasureOfflineNotes.AddRange(Notes.Where(n => !notes.Contains(n.MeasureKey))
            .Select(n => new MeasureOfflineNote { MeasureKey = n.MeasureKey, NoteJa = n.Ja, NoteEn = n.En }));
        var articles = await db.LibraryArticles.Select(a => a.Code).ToHashSetAsync(ct);
        db.LibraryArticles.AddRange(Articles.Where(a => !articles.Contains(a.Code)).Select(a => new LibraryArticle
        {
            Code = a.Code, MeasureKey = a.MeasureKey, Kind = a.Kind, TitleJa = a.TitleJa, TitleEn = a.TitleEn,
            SummaryJa = a.SummaryJa, SummaryEn = a.SummaryEn, BodyJa = a.BodyJa, BodyEn = a.BodyEn, PublishedOn = FirstPublished,
        }));
        await db.SaveChangesAsync(ct);
        await FillSearchTextAsync(ct);
    }

    /// <summary>Rows saved before the search column existed get their normalised text once.</summary>
    private async Task FillSearchTextAsync(CancellationToken ct)
    {
        var rows = new List<ISearchable>();
        rows.AddRange(await db.Measures.Where(x => x.SearchText == "").ToListAsync(ct));
        rows.AddRange(await db.Schemes.Where(x => x.SearchText == "").ToListAsync(ct));
        rows.AddRange(await db.SubsidyPrograms.Where(x => x.SearchText == "").ToListAsync(ct));
        rows.AddRange(await db.ConsultationDesks.Where(x => x.SearchText == "").ToListAsync(ct));
        rows.AddRange(await db.PartnershipEvents.Where(x => x.SearchText == "").ToListAsync(ct));
        rows.AddRange(await db.LibraryArticles.Where(x => x.SearchText == "").ToListAsync(ct));
        if (rows.Count == 0)
        {
            return;
        }
        foreach (var row in rows)
        {
            row.SearchText = SearchNormalizer.Of(row);
        }
        await db.SaveChangesAsync(ct);
    }
}
