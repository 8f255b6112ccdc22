namespace Partnership.FunctionalTests.Security;

/// <summary>Who may call an endpoint.</summary>
public enum Caller
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,
    /// <summary>Any signed-in user, whatever the role.</summary>
    SignedIn,
    /// <summary>Any company user, acting on their own company (the company comes from the membership, not the address).</summary>
    Company,
    /// <summary>Users of the company that owns the record in the address (the IDOR probes): the sample's company.</summary>
    OwningCompany,
    /// <summary>Metro officials, chamber staff (for member companies) and the owning company's users.</summary>
    OwningCompanyOrStaff,
    /// <summary>Metro officials and chamber staff.</summary>
    Staff,
    Chamber,
    Metro,
    Admin,
    AdminOrMetro,
    /// <summary>Event organisers: Metro officials and chamber staff (the sample event is a joint one).</summary>
    Organiser,
    /// <summary>The expert the sample consultation request is assigned to.</summary>
    Expert,
    /// <summary>Anyone, in Development without a production setting only; 404 everywhere else.</summary>
    DevelopmentOnly,
}

public enum FieldKind
{
    Text,
    Email,
    Password,
    Number,
    Enum,
    Guid,
    Date,
}

/// <summary>A form field with a value that passes validation; the harness swaps in hostile values one field at a time.</summary>
public sealed record FormField(string Name, FieldKind Kind, Func<SampleData, string> Valid);

/// <summary>
/// One row of the table: method, route pattern as the routing system has it, who may call it, whether it
/// changes data, a concrete request (placeholders filled from seeded data), the status an allowed caller gets,
/// and for forms the fields.
/// </summary>
public sealed record EndpointRule(
    string Method,
    string Route,
    Caller Who,
    bool Changes,
    Func<SampleData, string> Sample,
    int AllowedStatus = 200,
    IReadOnlyList<FormField>? Fields = null)
{
    public bool Permits(Principal principal) => Who switch
    {
        Caller.Anyone or Caller.DevelopmentOnly => true,
        Caller.SignedIn => principal != Principal.Anonymous,
        Caller.Company => principal is Principal.Company or Principal.OtherCompany,
        Caller.OwningCompany => principal == Principal.Company,
        Caller.OwningCompanyOrStaff => principal is Principal.Company or Principal.Chamber or Principal.Metro,
        Caller.Staff => principal is Principal.Chamber or Principal.Metro,
        Caller.Chamber => principal == Principal.Chamber,
        Caller.Metro => principal == Principal.Metro,
        Caller.Admin => principal == Principal.Admin,
        Caller.AdminOrMetro => principal is Principal.Admin or Principal.Metro,
        Caller.Organiser => principal is Principal.Metro or Principal.Chamber,
        Caller.Expert => principal == Principal.Expert,
        _ => false,
    };

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// THE table: every endpoint the portal maps, classified. A route the app maps without a row here fails
/// <see cref="SecurityHarnessTests.Every_mapped_endpoint_is_classified_in_the_table"/>, so no feature can forget it.
/// </summary>
public static class EndpointTable
{
    private static EndpointRule Read(string method, string route, Caller who, Func<SampleData, string>? sample = null, int status = 200) =>
        new(method, route, who, Changes: false, sample ?? (_ => route), status);

    private static EndpointRule Change(string method, string route, Caller who, IReadOnlyList<FormField> fields, Func<SampleData, string>? sample = null, int allowedStatus = 200) =>
        new(method, route, who, Changes: true, sample ?? (_ => route), allowedStatus, fields);

    private static readonly FormField[] CompanyFields =
    [
        Text("Name", "デモ商事株式会社"), Text("NameKana", "デモショウジ"), Text("CorporateNumber", "2010401000001"),
        Text("PostalCode", "163-8001"), Text("Prefecture", "東京都"), Text("MunicipalityCode", "131041"), Text("CityName", ""),
        Text("Street", "西新宿2-8-1"), Text("Phone", "03-5320-0001"), Text("IndustryCode", "I"), new("SmeCategory", FieldKind.Enum, _ => "Wholesale"),
        new("CapitalYen", FieldKind.Number, _ => "30000000"), new("RegularEmployees", FieldKind.Number, _ => "45"),
        Text("IsChamberMember", "true"), Text("ChamberMemberNumber", "1234567"), Text("ChamberBranchCode", "13104"),
        Text("ContactName", "東京 太郎"), Text("ContactDepartment", "総務部"),
    ];

    private static FormField Text(string name, string valid) => new(name, FieldKind.Text, _ => valid);

    /// <summary>The telework-rule form, deliberately without the compulsory "leader" commitment: it stays a draft.</summary>
    private static readonly FormField[] TeleworkRuleFields =
    [
        Text("a_rules", "rules"), Text("a_leader_name", "東京 花子"), Text("a_leader_title", "総務部長"),
        new("a_telework_days", FieldKind.Number, _ => "3"), Text("a_rules_summary", "週3日までテレワークを認めます。"),
        new("version", FieldKind.Guid, s => s.EntryVersion(s.DraftEntryId)),
    ];

    /// <summary>One expense line and the application's version, as the application page posts them.</summary>
    private static readonly FormField[] ExpenseFields =
    [
        Text("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", FieldKind.Number, _ => "2"), new("Items[0].UnitPrice", FieldKind.Number, _ => "150000"),
        new("Version", FieldKind.Guid, s => s.ApplicationVersion(s.Subsidy.DraftId)),
    ];

    private static readonly FormField[] WindowFields =
    [
        Text("ProgramCode", "SATELLITE"), new("FiscalYear", FieldKind.Number, _ => "2026"), Text("Opens", "2026-12-01T09:00"), Text("Closes", "2027-01-29T17:00"),
        new("Budget", FieldKind.Number, _ => "30000000"), new("Cap", FieldKind.Number, _ => "2000000"), Text("Rate", "2/3"), new("Allotment", FieldKind.Enum, _ => "FirstCome"),
        Text("WaitingList", "true"), Text("RequireTokyo", "true"), Text("RequireSme", "true"), new("MinEmployees", FieldKind.Number, _ => "2"),
        new("MaxEmployees", FieldKind.Number, _ => "300"), Text("PrerequisiteSchemeCode", "TELEWORK-RULE"), Text("Documents", "見積書|Quotation"),
    ];

    private static readonly string[] FamilyOptions = ["childcare", "care", "treatment", "fertility", "return"];

    /// <summary>The officials' revision of the family-and-work registration form, every question and option as shown.</summary>
    private static readonly FormField[] FamilyFormFields =
    [
        new("CurrentVersion", FieldKind.Number, s => s.CurrentFormVersion("LWB-FAMILY").ToString()),
        Text("Fields[0].Key", "measures"), Text("Fields[0].Ja", "実施している両立支援の取組"), Text("Fields[0].En", "Support for balancing family and work"), Text("Fields[0].Required", "true"),
        .. FamilyOptions.SelectMany((code, j) => new[]
        {
            Text($"Fields[0].Options[{j}].Code", code), Text($"Fields[0].Options[{j}].Ja", $"取組{j + 1}"), Text($"Fields[0].Options[{j}].En", $"Measure {j + 1}"),
        }),
        Text("Fields[1].Key", "contact"), Text("Fields[1].Ja", "社内の相談窓口（担当部署）"), Text("Fields[1].En", "In-house contact point"), Text("Fields[1].Required", "true"),
        Text("Fields[2].Key", "description"), Text("Fields[2].Ja", "取組の内容"), Text("Fields[2].En", "What the company does"), Text("Fields[2].Required", "true"),
    ];

    /// <summary>An outreach activity as the form posts it: one measure, one member company.</summary>
    private static readonly FormField[] ActivityFields =
    [
        new("Date", FieldKind.Date, _ => "2021-06-01"), new("Channel", FieldKind.Enum, _ => "Tour"), new("MeasureIds", FieldKind.Number, s => s.MeasureId.ToString()),
        Text("BranchCode", "13101"), new("Reach", FieldKind.Number, _ => "35"), new("CompanyIds", FieldKind.Number, s => s.CompanyId.ToString()),
        Text("Note", "見学会を開催しました。"),
    ];

    /// <summary>A support case of the sample member company as the form posts it (the edit form has no company: a case keeps its company).</summary>
    private static readonly FormField[] SupportFields =
    [
        new("CompanyId", FieldKind.Number, s => s.CompanyId.ToString()), new("Date", FieldKind.Date, _ => "2021-06-01"), Text("AreaCode", "TELEWORK"),
        Text("BranchCode", "13101"), Text("Advice", "在宅勤務規程の整備を助言しました。"), new("FollowUpOn", FieldKind.Date, _ => "2021-07-01"),
    ];

    private static readonly FormField[] ConsultationFields =
    [
        new("DeskId", FieldKind.Number, s => s.DeskId.ToString()), new("TopicId", FieldKind.Number, s => s.TopicId.ToString()),
        Text("Description", "テレワークの導入について相談したいです。"), new("PreferredMode", FieldKind.Enum, _ => "Online"),
        new("PreferredDate1", FieldKind.Date, s => s.FutureDate(10)), new("PreferredDate2", FieldKind.Date, s => s.FutureDate(11)),
        new("PreferredDate3", FieldKind.Date, s => s.FutureDate(12)), Text("WantsExpert", "true"),
    ];

    private static readonly FormField[] EventFields =
    [
        new("MeasureId", FieldKind.Number, s => s.EventMeasureId.ToString()), new("Organiser", FieldKind.Enum, _ => "Joint"),
        Text("TitleJa", SampleData.EventTitle), Text("TitleEn", "Harness seminar"), Text("DescriptionJa", "試験用のセミナーです。"), Text("DescriptionEn", "A seminar."),
        Text("Venue", "東京都庁"), Text("OnlineUrl", "https://example.jp/online"),
        new("StartsAt", FieldKind.Date, _ => "2030-06-01T14:00"), new("EndsAt", FieldKind.Date, _ => "2030-06-01T16:00"),
        new("Capacity", FieldKind.Number, _ => "1000"),
        new("RegistrationOpensAt", FieldKind.Date, _ => "2020-01-01T09:00"), new("RegistrationClosesAt", FieldKind.Date, _ => "2030-05-31T17:00"),
    ];

    private static readonly FormField[] SessionRecordFields =
    [
        Text("Advice", "就業規則の改定案を示しました。"), Text("NextStep", "試行導入"), Text("SharedWithCompany", "true"),
    ];

    public static readonly IReadOnlyList<EndpointRule> Rules =
    [
        // Public pages and open data
        Read("GET", "/", Caller.Anyone),
        Read("ANY", "/{*path:nonfile}", Caller.Anyone, _ => "/no-such-page", status: 404),
        Read("GET", "/catalog", Caller.Anyone),
        Read("GET", "/catalog/areas/{code}", Caller.Anyone, _ => "/catalog/areas/telework"),
        Read("GET", "/catalog/measures/{id:int}", Caller.Anyone, s => $"/catalog/measures/{s.MeasureId}"),
        Read("GET", "/api/v1/catalog/areas", Caller.Anyone),
        Read("GET", "/api/v1/catalog/measures", Caller.Anyone, _ => "/api/v1/catalog/measures?fiscalYear=2021"),
        Read("GET", "/openapi/{documentName}.json", Caller.Anyone, _ => "/openapi/v1.json"),
        Read("ANY", "/health", Caller.Anyone),
        Read("GET", "/language", Caller.Anyone, _ => "/language?culture=en&returnUrl=%2Fcatalog", status: 302),
        Read("ANY", "/error", Caller.Anyone, status: 404),
        Read("ANY", "/error/{statusCode:int}", Caller.Anyone, _ => "/error/404", status: 404),
        // Closed beside a production setting such as a server database, so on the PostgreSQL pass it is a 404 for everyone.
        Read("GET", "/dev/mail", Caller.DevelopmentOnly, status: Partnership.TestKit.TestProvider.IsPostgreSql ? 404 : 200),
        Read("GET", "/schemes", Caller.Anyone),
        Read("GET", "/schemes/{code}", Caller.Anyone, _ => "/schemes/TELEWORK-RULE"),
        Read("GET", "/subsidies/programs/{code}", Caller.Anyone, _ => "/subsidies/programs/TELEWORK-EQUIP"),
        Read("GET", "/desks", Caller.Anyone),
        Read("GET", "/desks/{code}", Caller.Anyone, _ => "/desks/TELEWORK-CENTER"),
        Read("GET", "/library", Caller.Anyone),
        Read("GET", "/library/{code}", Caller.Anyone, _ => "/library/WS-OVERTIME"),
        Read("GET", "/library/{code}/files/{attachmentId:int}", Caller.Anyone, s => $"/library/{s.PublishedArticleCode}/files/{s.LibraryAttachmentId}"),
        Read("GET", "/search", Caller.Anyone, _ => "/search?q=%E3%81%A6%E3%82%8C%E3%82%8F%E3%83%BC%E3%81%8F"),
        Read("GET", "/help", Caller.Anyone),
        Read("GET", "/help/{audience}", Caller.Anyone, _ => "/help/company"),
        Read("GET", "/faq", Caller.Anyone),
        Read("GET", "/contact", Caller.Anyone),
        Read("GET", "/privacy", Caller.Anyone),
        Read("GET", "/terms", Caller.Anyone),
        Read("GET", "/accessibility", Caller.Anyone),
        Read("GET", "/chamber", Caller.Anyone),

        // Account
        Read("GET", "/account/login", Caller.Anyone),
        Change("POST", "/account/login", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp"), new("Password", FieldKind.Password, _ => "wrong-pass-123"), Text("ReturnUrl", "/me")]),
        Change("POST", "/account/logout", Caller.Anyone, []),
        Read("GET", "/account/login-2fa", Caller.Anyone),
        Change("POST", "/account/login-2fa", Caller.Anyone,
            [Text("Code", "123456"), Text("UseRecoveryCode", "false"), Text("ReturnUrl", "/me")]),
        Read("GET", "/account/two-factor", Caller.SignedIn),
        Change("POST", "/account/two-factor", Caller.SignedIn, [Text("Code", "123456"), Text("Ticket", "")]),
        // The right password shows a new key and changes nothing: the key lives in the page's set-up ticket until confirmed.
        Change("POST", "/account/two-factor/start", Caller.SignedIn, [new("Password", FieldKind.Password, _ => Partnership.TestKit.PortalFactory.DemoPassword)]),
        Read("GET", "/account/forgot-password", Caller.Anyone),
        Change("POST", "/account/forgot-password", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp")]),
        Read("GET", "/account/forgot-password/sent", Caller.Anyone),
        Read("GET", "/account/reset-password", Caller.Anyone, _ => "/account/reset-password?token=abc&email=nobody%40demo.example.jp"),
        Change("POST", "/account/reset-password", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp"), Text("Token", "abc"),
             new("Password", FieldKind.Password, _ => "new-pass-4567"), new("ConfirmPassword", FieldKind.Password, _ => "new-pass-4567")]),
        Read("GET", "/account/reset-password/done", Caller.Anyone),
        Read("GET", "/account/access-denied", Caller.Anyone, status: 403),
        Read("GET", "/account/lockout", Caller.Anyone),

        // Business sign-in (docs/adr/0077). The harness's portal has no provider configured, so starting one is a 404;
        // the flow itself is tested against a real provider in BusinessSignIn/BusinessSignInTests.
        Change("POST", "/account/external/start", Caller.Anyone, [], allowedStatus: 404),
        Read("GET", "/account/external/callback", Caller.Anyone, status: 400),
        Read("GET", "/account/external/failed", Caller.Anyone, _ => "/account/external/failed?reason=denied", status: 400),
        Read("GET", "/account/external/next", Caller.Company, status: 302),
        Read("GET", "/account/external/company", Caller.Company, status: 302),
        Read("GET", "/account/external/link", Caller.Company, status: 400),
        Change("POST", "/account/external/link", Caller.Company, []),
        Read("GET", "/account/external/settings", Caller.Company),
        Change("POST", "/account/external/settings/remove", Caller.Company, []),
        Change("POST", "/account/external/logout", Caller.Anyone, []),
        Change("POST", "/account/external/join", Caller.Company, []),

        Read("GET", "/account/register", Caller.Anyone),
        Change("POST", "/account/register", Caller.Anyone,
            [Text("DisplayName", "登録 試験"), new("Email", FieldKind.Email, _ => "harness-register@example.jp"),
             new("Password", FieldKind.Password, _ => "harness-pass-123"), new("ConfirmPassword", FieldKind.Password, _ => "harness-pass-123"), Text("ReturnUrl", "/company")]),
        Read("GET", "/account/register/sent", Caller.Anyone),
        Read("GET", "/account/confirm-email", Caller.Anyone, _ => "/account/confirm-email?userId=nobody&token=abc", status: 400),

        // Signed-in
        Read("GET", "/me", Caller.SignedIn),
        // Notices: always the signed-in person's own (no user id in the address); another person's notice answers 404,
        // so the sample is an id nobody has (ownership is tested in Notices/NoticesTests).
        Read("GET", "/notices", Caller.SignedIn),
        Change("POST", "/notices/{id:long}/open", Caller.SignedIn, [], _ => "/notices/0/open", allowedStatus: 404),
        Change("POST", "/notices/read-all", Caller.SignedIn, []),
        Change("POST", "/session/keep-alive", Caller.SignedIn, []),

        // Companies: their own company (no id in the address)
        Read("GET", "/company", Caller.Company),
        Read("GET", "/company/new", Caller.Company, status: 302),
        Change("POST", "/company/new", Caller.Company, CompanyFields),
        Read("GET", "/company/profile", Caller.Company),
        Change("POST", "/company/profile", Caller.Company, [.. CompanyFields, new("Version", FieldKind.Guid, s => s.CompanyVersionOf(s.CompanyId))]),
        Read("GET", "/company/members", Caller.Company),
        Change("POST", "/company/members/invite", Caller.Company, [new("Email", FieldKind.Email, _ => "harness-invitee@example.jp")]),
        Change("POST", "/company/members/{memberId:int}/remove", Caller.OwningCompany, [], s => $"/company/members/{s.OwnerMemberId}/remove"),
        Change("POST", "/company/members/{memberId:int}/make-owner", Caller.OwningCompany, [], s => $"/company/members/{s.OwnerMemberId}/make-owner"),
        Read("GET", "/company/history", Caller.Company),
        Read("GET", "/company/join-requests", Caller.Company),
        Change("POST", "/company/join-requests/{requestId:int}/approve", Caller.Company, [], _ => "/company/join-requests/999999/approve", allowedStatus: 404),
        Change("POST", "/company/join-requests/{requestId:int}/decline", Caller.Company, [], _ => "/company/join-requests/999999/decline", allowedStatus: 404),
        Read("GET", "/invitations/{token}", Caller.Anyone, _ => "/invitations/no-such-token", status: 404),
        Change("POST", "/invitations/{token}/accept", Caller.Company, [], _ => "/invitations/no-such-token/accept", allowedStatus: 404),

        // Schemes: the company's own entries (IDOR probes: another company's user gets 404)
        Read("GET", "/company/schemes", Caller.Company),
        Change("POST", "/company/schemes/{code}/start", Caller.Company, [], _ => "/company/schemes/SMOOTHBIZ/start"),
        Read("GET", "/company/schemes/entries/{id:int}", Caller.OwningCompany, s => $"/company/schemes/entries/{s.DraftEntryId}"),
        Change("POST", "/company/schemes/entries/{id:int}/autosave", Caller.OwningCompany, TeleworkRuleFields, s => $"/company/schemes/entries/{s.DraftEntryId}/autosave"),
        Change("POST", "/company/schemes/entries/{id:int}/save", Caller.OwningCompany, TeleworkRuleFields, s => $"/company/schemes/entries/{s.DraftEntryId}/save"),
        Change("POST", "/company/schemes/entries/{id:int}/submit", Caller.OwningCompany, [.. TeleworkRuleFields, Text("listInDirectory", "true")],
            s => $"/company/schemes/entries/{s.DraftEntryId}/submit"),
        Change("POST", "/company/schemes/entries/{id:int}/directory", Caller.OwningCompany,
            [new("version", FieldKind.Guid, s => s.EntryVersion(s.AcceptedEntryId)), Text("listInDirectory", "false")], s => $"/company/schemes/entries/{s.AcceptedEntryId}/directory"),
        Change("POST", "/company/schemes/entries/{id:int}/renew", Caller.OwningCompany, [], s => $"/company/schemes/entries/{s.AcceptedEntryId}/renew"),
        Change("POST", "/company/schemes/entries/{id:int}/progress", Caller.OwningCompany,
            [new("asOf", FieldKind.Date, _ => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), new("a_target_managers", FieldKind.Number, _ => "12.5"), Text("note", "研修を1回実施しました。")],
            s => $"/company/schemes/entries/{s.AcceptedEntryId}/progress"),
        Read("GET", "/company/schemes/entries/{id:int}/certificate", Caller.OwningCompany, s => $"/company/schemes/entries/{s.AcceptedEntryId}/certificate"),
        Change("POST", "/company/schemes/entries/{id:int}/withdraw", Caller.OwningCompany,
            [new("version", FieldKind.Guid, s => s.EntryVersion(s.DraftEntryId))], s => $"/company/schemes/entries/{s.DraftEntryId}/withdraw"),
        // Schemes: Metro's review and forms; the public directory
        Read("GET", "/schemes/review", Caller.Metro, _ => "/schemes/review?status=all&area=WOMEN&municipality=131041&from=2026-04-01&to=2027-03-31"),
        Read("GET", "/schemes/review/{id:int}", Caller.Metro, s => $"/schemes/review/{s.AcceptedEntryId}"),
        Change("POST", "/schemes/review/{id:int}/decide", Caller.Metro,
            [new("decision", FieldKind.Enum, _ => "Return"), Text("reason", "目標値の根拠を記入してください。"), new("version", FieldKind.Guid, s => s.EntryVersion(s.AcceptedEntryId))],
            s => $"/schemes/review/{s.AcceptedEntryId}/decide"),
        Read("GET", "/schemes/forms", Caller.Metro),
        Read("GET", "/schemes/forms/{code}", Caller.Metro, _ => "/schemes/forms/LWB-FAMILY"),
        Change("POST", "/schemes/forms/{code}", Caller.Metro, FamilyFormFields, _ => "/schemes/forms/LWB-FAMILY"),
        Read("GET", "/directory", Caller.Anyone, _ => "/directory?scheme=WOMEN-PLAN&area=WOMEN&municipality=131041&industry=I&q=%E3%83%87%E3%83%A2"),
        Read("GET", "/api/v1/directory", Caller.Anyone, _ => "/api/v1/directory?scheme=WOMEN-PLAN&format=csv"),
        Read("GET", "/api/v1/schemes", Caller.Anyone),
        // Subsidies: public windows; the company's own applications (another company's: 404); Metro's windows and review
        Read("GET", "/subsidies", Caller.Anyone),
        Read("GET", "/subsidies/windows/{id:int}", Caller.Anyone, s => $"/subsidies/windows/{s.Subsidy.WindowId}"),
        Read("GET", "/api/v1/subsidies/windows", Caller.Anyone),
        Change("POST", "/company/subsidies/windows/{windowId:int}/apply", Caller.Company, [], s => $"/company/subsidies/windows/{s.Subsidy.WindowId}/apply"),
        Read("GET", "/company/subsidies/applications/{id:int}", Caller.OwningCompany, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}"),
        Change("POST", "/company/subsidies/applications/{id:int}/autosave", Caller.OwningCompany, ExpenseFields, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/autosave"),
        Change("POST", "/company/subsidies/applications/{id:int}/save", Caller.OwningCompany, ExpenseFields, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/save"),
        Change("POST", "/company/subsidies/applications/{id:int}/review", Caller.OwningCompany, ExpenseFields, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/review"),
        Read("GET", "/company/subsidies/applications/{id:int}/review", Caller.OwningCompany, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/review"),
        Change("POST", "/company/subsidies/applications/{id:int}/submit", Caller.OwningCompany, ExpenseFields, s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/submit"),
        Change("POST", "/company/subsidies/applications/{id:int}/documents", Caller.OwningCompany, [Text("requirement", "doc2")],
            s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/documents"),
        Read("GET", "/company/subsidies/applications/{id:int}/documents/{documentId:int}", Caller.OwningCompany,
            s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/documents/{s.Subsidy.DraftDocumentId}"),
        Change("POST", "/company/subsidies/applications/{id:int}/report", Caller.OwningCompany,
            [Text("reportText", "ノートパソコン2台を導入しました。"), new("version", FieldKind.Guid, s => s.ApplicationVersion(s.Subsidy.ReceivedId))],
            s => $"/company/subsidies/applications/{s.Subsidy.ReceivedId}/report"),
        Change("POST", "/company/subsidies/applications/{id:int}/documents/{documentId:int}/remove", Caller.OwningCompany, [],
            s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/documents/{s.Subsidy.DraftDocumentId}/remove"),
        Change("POST", "/company/subsidies/applications/{id:int}/withdraw", Caller.OwningCompany,
            [new("version", FieldKind.Guid, s => s.ApplicationVersion(s.Subsidy.DraftId))], s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/withdraw"),
        Read("GET", "/subsidies/manage", Caller.Metro),
        Read("GET", "/subsidies/manage/windows/new", Caller.Metro),
        Change("POST", "/subsidies/manage/windows/new", Caller.Metro, WindowFields),
        Read("GET", "/subsidies/manage/windows/{id:int}", Caller.Metro, s => $"/subsidies/manage/windows/{s.Subsidy.ReceivedWindowId}?status=Submitted&municipality=131041"),
        Read("GET", "/subsidies/manage/windows/{id:int}/export.csv", Caller.Metro, s => $"/subsidies/manage/windows/{s.Subsidy.ReceivedWindowId}/export.csv"),
        Read("GET", "/subsidies/manage/applications/{id:int}", Caller.Metro, s => $"/subsidies/manage/applications/{s.Subsidy.ReceivedId}"),
        Read("GET", "/subsidies/manage/applications/{id:int}/documents/{documentId:int}", Caller.Metro,
            s => $"/subsidies/manage/applications/{s.Subsidy.ReceivedId}/documents/{s.Subsidy.ReceivedDocumentId}"),
        Change("POST", "/subsidies/manage/applications/{id:int}/decide", Caller.Metro,
            [new("action", FieldKind.Enum, _ => "Return"), new("amount", FieldKind.Number, _ => ""), Text("reason", "見積書の日付を確認してください。"),
             new("reportDue", FieldKind.Date, _ => ""), new("version", FieldKind.Guid, s => s.ApplicationVersion(s.Subsidy.ReceivedId))],
            s => $"/subsidies/manage/applications/{s.Subsidy.ReceivedId}/decide"),
        // Staff: companies by id (IDOR probes with another company's user)
        Read("GET", "/companies", Caller.Staff),
        Read("GET", "/companies/{id:int}", Caller.OwningCompanyOrStaff, s => $"/companies/{s.CompanyId}"),

        // Metro officials: the catalog
        Read("GET", "/catalog/manage", Caller.Metro),
        Read("GET", "/catalog/manage/measures/{id:int}/edit", Caller.Metro, s => $"/catalog/manage/measures/{s.MeasureId}/edit"),
        Change("POST", "/catalog/manage/measures/{id:int}/edit", Caller.Metro,
            [Text("TitleJa", "東京テレワーク推進センターの運営"), Text("TitleEn", "Running the Tokyo Telework Promotion Center"),
             new("Kind", FieldKind.Enum, _ => "SupportHub"), new("Version", FieldKind.Guid, s => s.MeasureVersion())],
            s => $"/catalog/manage/measures/{s.MeasureId}/edit"),
        Read("GET", "/catalog/manage/measures/new", Caller.Metro, _ => "/catalog/manage/measures/new?fiscalYear=2021&areaCode=TELEWORK&side=Metro"),
        Change("POST", "/catalog/manage/measures/new", Caller.Metro,
            [new("FiscalYear", FieldKind.Number, _ => "2021"), Text("AreaCode", "TELEWORK"), new("Side", FieldKind.Enum, _ => "Metro"),
             new("ParentId", FieldKind.Number, s => s.MeasureId.ToString()), new("Kind", FieldKind.Enum, _ => "Event"),
             Text("TitleJa", "見学会の実施"), Text("TitleEn", "Tours")]),
        Change("POST", "/catalog/manage/plans/next", Caller.Metro,
            [new("fromFiscalYear", FieldKind.Number, s => s.LatestFiscalYear().ToString())]),
        // Metro officials: a measure's services and offline note, and the library (docs/adr/0085)
        Read("GET", "/catalog/manage/measures/{id:int}/services", Caller.Metro, s => $"/catalog/manage/measures/{s.MeasureId}/services"),
        Change("POST", "/catalog/manage/measures/{id:int}/services/links", Caller.Metro, [Text("service", "Consultation:TELEWORK-CENTER")],
            s => $"/catalog/manage/measures/{s.MeasureId}/services/links"),
        Change("POST", "/catalog/manage/measures/{id:int}/services/links/{linkId:int}/remove", Caller.Metro, [],
            s => $"/catalog/manage/measures/{s.MeasureId}/services/links/999999/remove"),
        Change("POST", "/catalog/manage/measures/{id:int}/services/note", Caller.Metro,
            [Text("NoteJa", "産業労働局雇用就業部にお問い合わせください。"), Text("NoteEn", "Please contact the Employment Division."),
             new("Version", FieldKind.Guid, s => s.NoteVersion())],
            s => $"/catalog/manage/measures/{s.MeasureId}/services/note"),
        Read("GET", "/library/manage", Caller.Metro),
        Read("GET", "/library/manage/new", Caller.Metro),
        Change("POST", "/library/manage/new", Caller.Metro,
            [Text("Code", "HARNESS-NEW"), Text("MeasureKey", "WORKSTYLE-M03"), new("Kind", FieldKind.Enum, _ => "Guide"), Text("TitleJa", "時間外労働削減の手引き"),
             Text("TitleEn", "Cutting overtime"), Text("SummaryJa", "概要です。"), Text("SummaryEn", ""), Text("BodyJa", "本文です。"), Text("BodyEn", ""),
             new("PublishedOn", FieldKind.Date, _ => "2026-04-01")]),
        Read("GET", "/library/manage/{id:int}/edit", Caller.Metro, s => $"/library/manage/{s.LibraryArticleId}/edit"),
        Change("POST", "/library/manage/{id:int}/edit", Caller.Metro,
            [Text("MeasureKey", "WORKSTYLE-M03"), new("Kind", FieldKind.Enum, _ => "Guide"), Text("TitleJa", "時間外労働削減の手引き"),
             Text("TitleEn", "Cutting overtime"), Text("SummaryJa", "概要です。"), Text("SummaryEn", ""), Text("BodyJa", "本文です。"), Text("BodyEn", ""),
             new("PublishedOn", FieldKind.Date, _ => "2026-04-01"), new("Version", FieldKind.Guid, s => s.ArticleVersion())],
            s => $"/library/manage/{s.LibraryArticleId}/edit"),
        Change("POST", "/library/manage/{id:int}/publish", Caller.Metro, [], s => $"/library/manage/{s.LibraryArticleId}/publish"),
        Change("POST", "/library/manage/{id:int}/unpublish", Caller.Metro, [], s => $"/library/manage/{s.LibraryArticleId}/unpublish"),
        Change("POST", "/library/manage/{id:int}/attachments", Caller.Metro, [], s => $"/library/manage/{s.LibraryArticleId}/attachments", allowedStatus: 422),
        Change("POST", "/library/manage/{id:int}/attachments/{attachmentId:int}/remove", Caller.Metro, [],
            s => $"/library/manage/{s.LibraryArticleId}/attachments/999999/remove"),

        // Administrators
        Read("GET", "/admin/staff", Caller.Admin),
        Change("POST", "/admin/staff/invite", Caller.Admin,
            [Text("DisplayName", "招待 試験"), new("Email", FieldKind.Email, _ => "harness-staff@example.jp"), Text("Role", "MetroOfficial"),
             Text("Bureau", "産業労働局"), Text("Division", "雇用就業部"), Text("ChamberBranchCode", ""), Text("IsManagementAdvisor", "false")]),
        Change("POST", "/admin/staff/{id}/deactivate", Caller.Admin, [], s => $"/admin/staff/{s.StaffUserId}/deactivate"),
        Change("POST", "/admin/staff/{id}/reactivate", Caller.Admin, [], s => $"/admin/staff/{s.StaffUserId}/reactivate"),
        Change("POST", "/admin/staff/{id}/role", Caller.Admin, [Text("role", "Expert")], s => $"/admin/staff/{s.StaffUserId}/role"),
        Change("POST", "/admin/staff/{id}/chamber", Caller.Admin, [Text("branchCode", "13101"), Text("isBranchManager", "true")],
            s => $"/admin/staff/{s.Outreach.ChamberUserId}/chamber"),
        Read("GET", "/staff-invitations/{token}", Caller.Anyone, _ => "/staff-invitations/no-such-token", status: 404),
        Change("POST", "/staff-invitations/{token}", Caller.Anyone,
            [new("Password", FieldKind.Password, _ => "staff-pass-1234"), new("ConfirmPassword", FieldKind.Password, _ => "staff-pass-1234")],
            _ => "/staff-invitations/no-such-token", allowedStatus: 404),
        Read("GET", "/admin/outbox", Caller.Admin),
        Read("GET", "/admin/reference", Caller.Admin),
        Change("POST", "/admin/reference/{kind}/{code}", Caller.Admin,
            [Text("nameJa", "千代田支部"), Text("nameEn", "Chiyoda branch")], _ => "/admin/reference/branches/13101"),
        Change("POST", "/admin/reference/bureaus", Caller.Admin,
            [Text("code", "HARNESS"), Text("nameJa", "試験局"), Text("nameEn", "Test Bureau")]),
        Change("POST", "/admin/outbox/{id:long}/resend", Caller.Admin, [], s => $"/admin/outbox/{s.OutboxMessageId}/resend"),

        // The audit log: read-only for administrators and Metro officials; no route changes it.
        Read("GET", "/admin/audit", Caller.AdminOrMetro, _ => "/admin/audit?person=metro%40demo.example.jp&action=modified"),
        Read("GET", "/admin/audit/export.csv", Caller.AdminOrMetro, _ => "/admin/audit/export.csv?entity=Measure"),

        // Events: public pages, registration by company users, a company's own registrations (IDOR probes)
        Read("GET", "/events", Caller.Anyone, _ => "/events?area=TELEWORK&month=2030-06&organiser=Joint"),
        Read("GET", "/events/{id:int}", Caller.Anyone, s => $"/events/{s.EventId}"),
        Read("GET", "/events/{id:int}/calendar.ics", Caller.Anyone, s => $"/events/{s.EventId}/calendar.ics"),
        Change("POST", "/events/{id:int}/register", Caller.Company,
            [Text("ParticipantName", "参加 試験"), new("ParticipantEmail", FieldKind.Email, _ => "harness-participant@example.jp")], s => $"/events/{s.EventId}/register"),
        Read("GET", "/company/events", Caller.Company),
        Read("GET", "/company/records", Caller.Company),
        Read("GET", "/company/subsidies", Caller.Company),
        Change("POST", "/company/events/registrations/{id:int}/cancel", Caller.OwningCompany, [], s => $"/company/events/registrations/{s.RegistrationId}/cancel"),

        // Events: organisers (Metro officials and chamber staff; the sample event is joint)
        Read("GET", "/events/manage", Caller.Organiser),
        Read("GET", "/events/manage/new", Caller.Organiser),
        Change("POST", "/events/manage/new", Caller.Organiser, EventFields),
        Read("GET", "/events/manage/{id:int}/edit", Caller.Organiser, s => $"/events/manage/{s.EventId}/edit"),
        Change("POST", "/events/manage/{id:int}/edit", Caller.Organiser, [.. EventFields, new("Version", FieldKind.Guid, s => s.EventVersion())], s => $"/events/manage/{s.EventId}/edit"),
        Read("GET", "/events/manage/{id:int}/registrations", Caller.Organiser, s => $"/events/manage/{s.EventId}/registrations"),
        Change("POST", "/events/manage/{id:int}/registrations/{registrationId:int}/attendance", Caller.Organiser, [Text("attended", "true")],
            s => $"/events/manage/{s.EventId}/registrations/{s.RegistrationId}/attendance"),

        // Outreach: chamber staff log (and change or delete their own); chamber staff and Metro officials read
        Read("GET", "/outreach", Caller.Staff, _ => "/outreach?from=2021-04-01&to=2030-03-31&channel=MailMagazine&area=TELEWORK&branch=13101"),
        Read("GET", "/outreach/export.csv", Caller.Staff, _ => "/outreach/export.csv?channel=MailMagazine"),
        Read("GET", "/dashboard", Caller.Metro, _ => "/dashboard?year=2026&area=TELEWORK&compare=true"),
        Read("GET", "/dashboard/chamber", Caller.Staff, _ => "/dashboard/chamber?year=2026"),
        Read("GET", "/dashboard/export/{table}", Caller.Metro, _ => "/dashboard/export/municipalities?year=2026&format=csv"),
        Read("GET", "/dashboard/chamber/export/{table}", Caller.Staff, _ => "/dashboard/chamber/export/branches?year=2026&format=xlsx"),
        Read("GET", "/outreach/new", Caller.Chamber),
        Change("POST", "/outreach/new", Caller.Chamber, ActivityFields),
        Read("GET", "/outreach/{id:int}/edit", Caller.Chamber, s => $"/outreach/{s.Outreach.ActivityId}/edit"),
        Change("POST", "/outreach/{id:int}/edit", Caller.Chamber, [.. ActivityFields, new("Version", FieldKind.Guid, s => s.ActivityVersion())],
            s => $"/outreach/{s.Outreach.ActivityId}/edit"),
        Read("GET", "/outreach/import", Caller.Chamber),
        Change("POST", "/outreach/import", Caller.Chamber, [], allowedStatus: 422),
        Read("GET", "/outreach/import/template.csv", Caller.Chamber),
        Read("GET", "/outreach/import/template.xlsx", Caller.Chamber),
        Read("GET", "/outreach/roster", Caller.Chamber),
        Read("GET", "/outreach/roster/import", Caller.Chamber),
        Change("POST", "/outreach/roster/import", Caller.Chamber, [], allowedStatus: 422),
        Read("GET", "/outreach/roster/import/template.csv", Caller.Chamber),
        Read("GET", "/outreach/roster/import/template.xlsx", Caller.Chamber),
        Read("GET", "/outreach/roster/{id:int}/match", Caller.Chamber, s => $"/outreach/roster/{s.SoleProprietorRosterMemberId()}/match?q=%E5%B7%A5%E6%88%BF"),
        // The demo company has a 法人番号: refused with a message (422), nothing matched.
        Change("POST", "/outreach/roster/{id:int}/match", Caller.Chamber, [Text("q", "デモ"), new("companyId", FieldKind.Number, s => s.CompanyId.ToString())],
            s => $"/outreach/roster/{s.SoleProprietorRosterMemberId()}/match", allowedStatus: 422),
        // The sample entry is never matched: the undo's confirmation and post go back to its match page (302), nothing changed.
        Read("GET", "/outreach/roster/{id:int}/unmatch", Caller.Chamber, s => $"/outreach/roster/{s.SoleProprietorRosterMemberId()}/unmatch", status: 302),
        Change("POST", "/outreach/roster/{id:int}/unmatch", Caller.Chamber, [new("companyId", FieldKind.Number, s => s.CompanyId.ToString())],
            s => $"/outreach/roster/{s.SoleProprietorRosterMemberId()}/unmatch", allowedStatus: 302),
        Read("GET", "/outreach/referrals", Caller.Staff, _ => "/outreach/referrals?branch=13101&converted=false"),
        Change("POST", "/outreach/referrals", Caller.Chamber,
            [new("RosterMemberId", FieldKind.Number, s => s.UnregisteredRosterMemberId().ToString()), new("MeasureIds", FieldKind.Number, s => s.EventMeasureId.ToString()),
             Text("BranchCode", "13101"), new("Channel", FieldKind.Enum, _ => "Desk"), Text("Note", "テレワーク助成金を案内しました。")]),
        Read("GET", "/outreach/referrals/{id:int}/letter", Caller.Chamber, s => $"/outreach/referrals/{s.Outreach.ReferralId}/letter"),
        // Publicity requests: Metro officials ask and see their own; chamber staff answer and record publications.
        Read("GET", "/outreach/publicity", Caller.Staff),
        Change("POST", "/outreach/publicity", Caller.Metro,
            [new("MeasureId", FieldKind.Number, s => s.MeasureId.ToString()), Text("Title", "テレワーク助成金の周知"), Text("Reason", "募集開始をお知らせください。"),
             new("WishedFrom", FieldKind.Date, _ => "2030-06-01"), new("WishedTo", FieldKind.Date, _ => "2030-06-30"), new("WishedChannels", FieldKind.Enum, _ => "MailMagazine"),
             new("SubmissionKey", FieldKind.Guid, _ => Guid.NewGuid().ToString())]),
        Read("GET", "/outreach/publicity/{id:int}", Caller.Staff, s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}"),
        Change("POST", "/outreach/publicity/{id:int}/decline", Caller.Chamber, [Text("reason", "今月号は締め切りました。")],
            s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/decline"),
        // Attached material: the official who asked adds more while the request is open (no file: 422); staff download it.
        Change("POST", "/outreach/publicity/{id:int}/attachments", Caller.Metro, [], s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/attachments", allowedStatus: 422),
        Read("GET", "/outreach/publicity/{id:int}/attachments/{attachmentId:int}", Caller.Staff,
            s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/attachments/{s.Outreach.AttachmentId}"),
        Change("POST", "/outreach/publicity/{id:int}/accept", Caller.Chamber, [], s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/accept"),
        Change("POST", "/outreach/publicity/{id:int}/publications", Caller.Chamber,
            [new("Date", FieldKind.Date, _ => "2021-06-01"), new("Channel", FieldKind.Enum, _ => "MailMagazine"), Text("Issue", "6月号"), Text("Title", "テレワーク助成金のご案内"),
             new("Reach", FieldKind.Number, _ => "12000"), Text("BranchCode", "13101")],
            s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/publications"),
        // Co-sponsorship: Metro officials ask and see their own; chamber staff answer; either side records the result.
        Read("GET", "/outreach/cosponsorship", Caller.Staff),
        Change("POST", "/outreach/cosponsorship", Caller.Metro,
            [new("Kind", FieldKind.Enum, _ => "CoHosting"), new("MeasureId", FieldKind.Number, s => s.MeasureId.ToString()), Text("EventTitle", "テレワーク推進セミナー"),
             new("EventDate", FieldKind.Date, _ => "2030-07-01"), Text("Venue", "東京商工会議所"), Text("Description", "中小企業向けのセミナーです。")]),
        Read("GET", "/outreach/cosponsorship/{id:int}", Caller.Staff, s => $"/outreach/cosponsorship/{s.Outreach.CoSponsorshipId}"),
        Change("POST", "/outreach/cosponsorship/{id:int}/approve", Caller.Chamber, [Text("answer", "会員向けの案内に掲載します。")],
            s => $"/outreach/cosponsorship/{s.Outreach.CoSponsorshipId}/approve"),
        Change("POST", "/outreach/cosponsorship/{id:int}/decline", Caller.Chamber, [Text("answer", "日程が重なるため辞退します。")],
            s => $"/outreach/cosponsorship/{s.Outreach.CoSponsorshipId}/decline"),
        Change("POST", "/outreach/cosponsorship/{id:int}/result", Caller.Staff,
            [new("participants", FieldKind.Number, _ => "80"), new("memberParticipants", FieldKind.Number, _ => "30")],
            s => $"/outreach/cosponsorship/{s.Outreach.CoSponsorshipId}/result"),
        // Support of members' own initiatives: chamber staff write (own cases, a branch manager the branch's), Metro reads.
        Read("GET", "/outreach/support", Caller.Staff, _ => "/outreach/support?due=true&branch=13101"),
        Read("GET", "/outreach/support/companies/{companyId:int}", Caller.Staff, s => $"/outreach/support/companies/{s.CompanyId}"),
        Read("GET", "/outreach/support/new", Caller.Chamber, s => $"/outreach/support/new?companyId={s.CompanyId}"),
        Change("POST", "/outreach/support/new", Caller.Chamber, [.. SupportFields, new("SubmissionKey", FieldKind.Guid, _ => Guid.NewGuid().ToString())]),
        Read("GET", "/outreach/support/{id:int}/edit", Caller.Chamber, s => $"/outreach/support/{s.Outreach.SupportCaseId}/edit"),
        Change("POST", "/outreach/support/{id:int}/edit", Caller.Chamber,
            [.. SupportFields.Where(f => f.Name != "CompanyId"), new("FollowedUpOn", FieldKind.Date, _ => "2021-07-01"), new("Version", FieldKind.Guid, s => s.SupportCaseVersion())],
            s => $"/outreach/support/{s.Outreach.SupportCaseId}/edit"),
        // Last: it deletes the sample activity (put back for the next test).
        Change("POST", "/outreach/{id:int}/delete", Caller.Chamber, [], s => $"/outreach/{s.Outreach.ActivityId}/delete"),

        // Consultations: a company's own requests (no company id in the address; a request of another company is 404)
        Read("GET", "/company/consultations", Caller.Company),
        Read("GET", "/company/consultations/new", Caller.Company),
        Change("POST", "/company/consultations/new", Caller.Company, ConsultationFields),
        Change("POST", "/company/consultations/draft", Caller.Company, ConsultationFields),
        Read("GET", "/company/consultations/{id:int}", Caller.OwningCompany, s => $"/company/consultations/{s.ConsultationId}"),
        Change("POST", "/company/consultations/{id:int}/cancel", Caller.OwningCompany, [], s => $"/company/consultations/{s.ConsultationId}/cancel"),
        Change("POST", "/company/consultations/{id:int}/rate", Caller.OwningCompany,
            [new("rating", FieldKind.Number, _ => "5"), Text("ratingComment", "助かりました")], s => $"/company/consultations/{s.ConsultationId}/rate"),

        // Consultations: Metro officials at the desks
        Read("GET", "/consultations", Caller.Metro, _ => "/consultations?status=Scheduled"),
        Read("GET", "/consultations/{id:int}", Caller.Metro, s => $"/consultations/{s.ConsultationId}"),
        Change("POST", "/consultations/{id:int}/accept", Caller.Metro, [], s => $"/consultations/{s.ConsultationId}/accept"),
        Change("POST", "/consultations/{id:int}/redirect", Caller.Metro, [new("deskId", FieldKind.Number, s => s.OtherDeskId.ToString())], s => $"/consultations/{s.ConsultationId}/redirect"),
        Change("POST", "/consultations/{id:int}/decline", Caller.Metro, [Text("reason", "対象外の内容です。")], s => $"/consultations/{s.ConsultationId}/decline"),
        Change("POST", "/consultations/{id:int}/assign", Caller.Metro, [new("assigneeId", FieldKind.Text, s => s.ExpertUserId)], s => $"/consultations/{s.ConsultationId}/assign"),
        Change("POST", "/consultations/{id:int}/sessions", Caller.Metro,
            [new("scheduledAt", FieldKind.Date, _ => "2030-06-01T10:00"), new("mode", FieldKind.Enum, _ => "Visit")], s => $"/consultations/{s.ConsultationId}/sessions"),
        Change("POST", "/consultations/{id:int}/sessions/{sessionId:int}/record", Caller.Metro, SessionRecordFields,
            s => $"/consultations/{s.ConsultationId}/sessions/{s.SessionId}/record"),
        Change("POST", "/consultations/{id:int}/close", Caller.Metro,
            [new("outcome", FieldKind.Enum, _ => "Resolved"), Text("outcomeNote", "試行導入へ")], s => $"/consultations/{s.ConsultationId}/close"),

        Read("GET", "/consultations/desks", Caller.Metro),
        Change("POST", "/consultations/desks", Caller.Metro,
            [Text("code", "HARNESS-DESK"), Text("nameJa", "試験窓口"), Text("nameEn", "Test desk"),
             new("measureId", FieldKind.Number, s => s.EventMeasureId.ToString()), Text("offersExpertDispatch", "true")]),
        Change("POST", "/consultations/desks/{id:int}/topics", Caller.Metro, [Text("nameJa", "試験テーマ"), Text("nameEn", "Test topic")],
            s => $"/consultations/desks/{s.DeskId}/topics"),
        Change("POST", "/consultations/desks/{id:int}/active", Caller.Metro, [Text("active", "true")], s => $"/consultations/desks/{s.DeskId}/active"),

        // Consultations: the expert sees only the requests assigned to them
        Read("GET", "/expert/consultations", Caller.Expert),
        Read("GET", "/expert/consultations/{id:int}", Caller.Expert, s => $"/expert/consultations/{s.ConsultationId}"),
        Change("POST", "/expert/consultations/{id:int}/sessions/{sessionId:int}/record", Caller.Expert, SessionRecordFields,
            s => $"/expert/consultations/{s.ConsultationId}/sessions/{s.SessionId}/record"),
    ];
}
