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
    /// <summary>Anyone, in Development only; 404 in every other environment.</summary>
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
        Read("GET", "/dev/mail", Caller.DevelopmentOnly),

        // Account
        Read("GET", "/account/login", Caller.Anyone),
        Change("POST", "/account/login", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp"), new("Password", FieldKind.Password, _ => "wrong-pass-123"), Text("ReturnUrl", "/me")]),
        Change("POST", "/account/logout", Caller.Anyone, []),
        Read("GET", "/account/login-2fa", Caller.Anyone),
        Change("POST", "/account/login-2fa", Caller.Anyone,
            [Text("Code", "123456"), Text("UseRecoveryCode", "false"), Text("ReturnUrl", "/me")]),
        Read("GET", "/account/two-factor", Caller.SignedIn),
        Change("POST", "/account/two-factor", Caller.SignedIn, [Text("Code", "123456")]),
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

        Read("GET", "/account/register", Caller.Anyone),
        Change("POST", "/account/register", Caller.Anyone,
            [Text("DisplayName", "登録 試験"), new("Email", FieldKind.Email, _ => "harness-register@example.jp"),
             new("Password", FieldKind.Password, _ => "harness-pass-123"), new("ConfirmPassword", FieldKind.Password, _ => "harness-pass-123"), Text("ReturnUrl", "/company")]),
        Read("GET", "/account/register/sent", Caller.Anyone),
        Read("GET", "/account/confirm-email", Caller.Anyone, _ => "/account/confirm-email?userId=nobody&token=abc", status: 400),

        // Signed-in
        Read("GET", "/me", Caller.SignedIn),
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
        Read("GET", "/invitations/{token}", Caller.Anyone, _ => "/invitations/no-such-token", status: 404),
        Change("POST", "/invitations/{token}/accept", Caller.Company, [], _ => "/invitations/no-such-token/accept", allowedStatus: 404),

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

        // Administrators
        Read("GET", "/admin/staff", Caller.Admin),
        Change("POST", "/admin/staff/invite", Caller.Admin,
            [Text("DisplayName", "招待 試験"), new("Email", FieldKind.Email, _ => "harness-staff@example.jp"), Text("Role", "MetroOfficial"),
             Text("Bureau", "産業労働局"), Text("Division", "雇用就業部"), Text("ChamberBranchCode", ""), Text("IsManagementAdvisor", "false")]),
        Change("POST", "/admin/staff/{id}/deactivate", Caller.Admin, [], s => $"/admin/staff/{s.StaffUserId}/deactivate"),
        Change("POST", "/admin/staff/{id}/reactivate", Caller.Admin, [], s => $"/admin/staff/{s.StaffUserId}/reactivate"),
        Change("POST", "/admin/staff/{id}/role", Caller.Admin, [Text("role", "Expert")], s => $"/admin/staff/{s.StaffUserId}/role"),
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
