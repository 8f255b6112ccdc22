using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Partnership.TestKit;
using Xunit.Abstractions;
using Answer = Partnership.FunctionalTests.Security.SecurityHarnessTests.Answer;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// The harness's tally over all its classes, which run side by side, each on a portal of its own; the last portal
/// to close writes it to artifacts/security-summary-&lt;provider&gt;.txt (scripts/test.sh prints them).
/// </summary>
public static class SecurityTally
{
    public static int EndpointRoleChecks;
    public static int Leaks;
    public static int HostileInputs;
    public static int ServerErrors;
    public static int HeaderChecks;
    /// <summary>Probes of how the portal starts and builds links: forged Host headers, starts without a production setting (ProductionStartTests).</summary>
    public static int ConfigurationProbes;

    /// <summary>Replayed cookies, replayed authenticator codes, the two-factor key asked for, accounts told apart (docs/security.md §5).</summary>
    public static int SessionAndAccountProbes;

    public static string Summary =>
        $"security: {EndpointRoleChecks} endpoint×role checks, {Leaks} leaks, {HostileInputs} hostile inputs, {ServerErrors} server errors, {HeaderChecks} header checks, {ConfigurationProbes} configuration probes, {SessionAndAccountProbes} session and account probes, {DatabaseFingerprint.Taken} fingerprints ({DatabaseFingerprint.RowsRead} read the rows)";

    /// <summary>Counts one session or account probe.</summary>
    public static void Probe() => Interlocked.Increment(ref SessionAndAccountProbes);

    private static readonly Lock Writing = new();

    /// <summary>Counts one configuration probe and rewrites the summary, so a probe class that ends after the harness is counted too.</summary>
    public static void CountConfigurationProbe()
    {
        Interlocked.Increment(ref ConfigurationProbes);
        Write();
    }

    public static void Write()
    {
        lock (Writing)
        {
            if (EndpointRoleChecks == 0)
            {
                return;
            }
            var dir = Path.Combine(RepositoryPaths.Root, "artifacts");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"security-summary-{TestProvider.Current.ToString().ToLowerInvariant()}.txt"), $"{Summary} ({TestProvider.Current}){Environment.NewLine}");
        }
    }
}

/// <summary>The harness's own portal, one per harness class (it changes data).</summary>
public sealed class SecurityHarnessFixture : PortalFactory
{
    // The database fingerprints must see only what the harness's own requests change: the outbox sender, which
    // updates queued mail on its own timer, waits an hour here.
    protected override int MailPollSeconds => 3600;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // No business ID provider: the harness must not wait on one (the Development settings name localhost:5090).
        builder.UseSetting("Oidc:Authority", "");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SecurityTally.Write();
        }
        base.Dispose(disposing);
    }
}

/// <summary>
/// The security proof: every endpoint classified (docs/security.md), every endpoint called as every role and
/// checked against the table, hostile input on every form, and the security headers on every page.
/// </summary>
/// <summary>A form field's value: form-encoded text, or raw bytes sent as they are.</summary>
public sealed record FieldValue(string Name, string Encoded, byte[]? RawBytes = null)
{
    public static FieldValue Of(string name, string value) => new(name, Uri.EscapeDataString(value));
}

public class SecurityHarnessTests(SecurityHarnessFixture portal) : IClassFixture<SecurityHarnessFixture>
{
    internal enum Answer
    {
        Allowed,
        SignIn,
        Forbidden,
        NotFound,
        ServerError,
    }

    [Fact]
    public void Every_mapped_endpoint_is_classified_in_the_table()
    {
        var mapped = EndpointInventory.Read(portal).Select(e => $"{e.Method} {e.Route}").ToHashSet();
        var classified = EndpointTable.Rules.Select(r => r.ToString()).ToList();

        Assert.True(classified.Count == classified.Distinct().Count(), "The table lists an endpoint twice.");
        var missing = mapped.Except(classified).Order().ToList();
        var stale = classified.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in EndpointTable (add one, with who may call it):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows in EndpointTable for endpoints the app no longer maps:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_endpoint_that_accepts_files_has_upload_probes()
    {
        var uploads = EndpointInventory.Read(portal).Where(e => e.AcceptsFiles).Select(e => $"{e.Method} {e.Route}").ToList();
        var probed = UploadProbes.Endpoints.Keys.ToList();
        Assert.True(uploads.Order().SequenceEqual(probed.Order()),
            "Upload endpoints need hostile-file probes in UploadProbes.Endpoints:\n" + string.Join("\n", uploads.Except(probed)));
    }

    [Fact]
    public async Task Hostile_files_are_refused_with_a_message_nothing_is_stored_and_a_traversing_name_is_flattened()
    {
        var sample = await SampleData.LoadAsync(portal);
        var problems = new List<string>();
        foreach (var (route, endpoint) in UploadProbes.Endpoints)
        {
            var client = await Principals.ClientAsync(portal, endpoint.Principal);
            foreach (var probe in UploadProbes.Files)
            {
                var before = await DatabaseFingerprint.TakeAsync(portal);
                var files = Directory.Exists(portal.DocumentsDirectory) ? Directory.GetFiles(portal.DocumentsDirectory, "*", SearchOption.AllDirectories).Length : 0;
                var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync("/account/login"));
                using var form = new MultipartFormDataContent { { new StringContent(token), WebPageHelpers.AntiforgeryFieldName } };
                foreach (var (name, value) in endpoint.Fields.Concat(endpoint.SampleFields?.Invoke(sample) ?? []))
                {
                    form.Add(new StringContent(value), name);
                }
                var file = new ByteArrayContent(probe.Content);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(probe.DeclaredType);
                form.Add(file, endpoint.FileField, probe.FileName);
                var response = await client.PostAsync(endpoint.Sample(sample), form);
                Interlocked.Increment(ref SecurityTally.HostileInputs);
                var where = $"{route} with {probe.Label}";
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref SecurityTally.ServerErrors);
                    problems.Add($"{where}: server error {(int)response.StatusCode}");
                    continue;
                }
                var after = await DatabaseFingerprint.TakeAsync(portal);
                var filesAfter = Directory.Exists(portal.DocumentsDirectory) ? Directory.GetFiles(portal.DocumentsDirectory, "*", SearchOption.AllDirectories).Length : 0;
                if (probe.MustRefuse)
                {
                    if (response.StatusCode != HttpStatusCode.UnprocessableEntity || before != after || filesAfter != files)
                    {
                        Interlocked.Increment(ref SecurityTally.Leaks);
                        problems.Add($"{where}: {(int)response.StatusCode}, database {(before == after ? "unchanged" : "changed")}, {filesAfter - files} file(s) stored");
                    }
                    else if (probe.ActivePdf && endpoint.ActivePdfMessage is { } message && !(await response.Content.ReadAsStringAsync()).Contains(message, StringComparison.Ordinal))
                    {
                        problems.Add($"{where}: refused without the message 「{message}」");
                    }
                }
                else
                {
                    // A plain PDF is still taken where PDFs are (the import takes spreadsheets only).
                    if (endpoint.ActivePdfMessage is not null && (response.StatusCode == HttpStatusCode.UnprocessableEntity || filesAfter <= files))
                    {
                        problems.Add($"{where}: a plain PDF was not accepted ({(int)response.StatusCode}, {filesAfter - files} file(s) stored)");
                    }
                    var names = await portal.WithDbAsync(async db => (await db.SubsidyDocuments.Select(d => d.FileName).ToListAsync())
                        .Concat(await db.PublicityAttachments.Select(a => a.FileName).ToListAsync())
                        .Concat(await db.LibraryAttachments.Select(a => a.FileName).ToListAsync()).ToList());
                    if (names.Any(n => n.Contains('/') || n.Contains('\\') || n.Contains("..")) || Directory.GetFiles(Path.GetDirectoryName(portal.DocumentsDirectory)!, "passwd*", SearchOption.AllDirectories).Length > 0)
                    {
                        Interlocked.Increment(ref SecurityTally.Leaks);
                        problems.Add($"{where}: a path reached the stored name or the disk");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_form_refuses_a_missing_or_foreign_antiforgery_token_and_saves_nothing()
    {
        var sample = await SampleData.LoadAsync(portal);
        var problems = new List<string>();
        var foreignToken = WebPageHelpers.ExtractAntiforgeryToken(await portal.CreatePortalClient().GetStringAsync("/account/login"));
        foreach (var rule in EndpointTable.Rules.Where(r => r.Method == "POST"))
        {
            foreach (var token in new[] { null, foreignToken })
            {
                var client = await Principals.ClientAsync(portal, FirstPermitted(rule));
                var before = await DatabaseFingerprint.TakeAsync(portal);
                var response = await client.PostAsync(rule.Sample(sample), FormBody(rule.Fields?.Select(f => FieldValue.Of(f.Name, f.Valid(sample))), token));
                Interlocked.Increment(ref SecurityTally.HostileInputs);
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref SecurityTally.ServerErrors);
                }
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    problems.Add($"{rule} with {(token is null ? "no" : "a foreign")} token: {(int)response.StatusCode}, expected 400");
                }
                if (before != await DatabaseFingerprint.TakeAsync(portal))
                {
                    Interlocked.Increment(ref SecurityTally.Leaks);
                    problems.Add($"{rule} with {(token is null ? "no" : "a foreign")} token changed the database");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_signed_in_answers_are_never_stored()
    {
        var sample = await SampleData.LoadAsync(portal);
        var problems = new List<string>();
        foreach (var principal in Principals.All)
        {
            var client = await Principals.ClientAsync(portal, principal);
            foreach (var rule in EndpointTable.Rules.Where(r => r.Method is "GET" or "ANY"))
            {
                var response = await client.GetAsync(rule.Sample(sample));
                Interlocked.Increment(ref SecurityTally.HeaderChecks);
                var headers = response.Headers;
                if (!headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Single().Contains("frame-ancestors 'none'") || csp.Single().Contains("unsafe-inline"))
                {
                    problems.Add($"{rule} as {principal}: Content-Security-Policy missing or weak");
                }
                if (!headers.TryGetValues("X-Content-Type-Options", out var nosniff) || nosniff.Single() != "nosniff")
                {
                    problems.Add($"{rule} as {principal}: X-Content-Type-Options missing");
                }
                if (!headers.TryGetValues("X-Frame-Options", out var frame) || frame.Single() != "DENY")
                {
                    problems.Add($"{rule} as {principal}: X-Frame-Options missing");
                }
                if (principal != Principal.Anonymous && headers.CacheControl?.NoStore != true)
                {
                    problems.Add($"{rule} as {principal}: a signed-in answer without Cache-Control: no-store");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    internal static Principal FirstPermitted(EndpointRule rule) => Principals.All.First(rule.Permits);

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointRule rule, SampleData sample, IEnumerable<FieldValue>? fields)
    {
        var url = rule.Sample(sample);
        if (rule.Method != "POST")
        {
            return await client.GetAsync(url);
        }
        // Antiforgery tokens belong to the session, not to a page: the sign-in page always carries one.
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync("/account/login"));
        return await client.PostAsync(url, FormBody(fields, token));
    }

    internal static ByteArrayContent FormBody(IEnumerable<FieldValue>? fields, string? token)
    {
        var body = new List<byte>();
        foreach (var field in (fields ?? []).Append(token is null ? null : FieldValue.Of(WebPageHelpers.AntiforgeryFieldName, token)))
        {
            if (field is null)
            {
                continue;
            }
            if (body.Count > 0)
            {
                body.Add((byte)'&');
            }
            body.AddRange(Encoding.ASCII.GetBytes(Uri.EscapeDataString(field.Name) + "="));
            body.AddRange(field.RawBytes ?? Encoding.ASCII.GetBytes(field.Encoded));
        }
        var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        return content;
    }

    internal static Answer Classify(HttpResponseMessage response, EndpointRule rule)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status >= 500)
        {
            return Answer.ServerError;
        }
        if (status == 302 && location.Contains("/account/login", StringComparison.Ordinal))
        {
            return Answer.SignIn;
        }
        if ((status == 302 && location.Contains("/account/access-denied", StringComparison.Ordinal)) || status is 401 or 403 && rule.AllowedStatus != 403)
        {
            return Answer.Forbidden;
        }
        if (rule.Method == "POST")
        {
            return status == 404 && rule.AllowedStatus != 404 ? Answer.NotFound : Answer.Allowed;
        }
        if (status == rule.AllowedStatus)
        {
            return Answer.Allowed;
        }
        return status == 404 ? Answer.NotFound : Answer.ServerError;
    }
}

/// <summary>The harness's check of every endpoint as every role. A class of its own, on a portal of its own, so that it runs beside the rest of the harness.</summary>
public class SecurityRoleTableTests(SecurityHarnessFixture portal, ITestOutputHelper output) : IClassFixture<SecurityHarnessFixture>
{
    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_table_says_and_a_refusal_changes_nothing()
    {
        var sample = await SampleData.LoadAsync(portal);
        var problems = new List<string>();
        var readers = new Dictionary<Principal, HttpClient>();
        foreach (var principal in Principals.All)
        {
            readers[principal] = await Principals.ClientAsync(portal, principal);
        }

        foreach (var rule in EndpointTable.Rules)
        {
            foreach (var principal in Principals.All)
            {
                // A form post may sign the client out (logout) or lock nothing else: use a fresh client for it.
                var client = rule.Changes ? await Principals.ClientAsync(portal, principal) : readers[principal];
                var before = rule.Changes ? await DatabaseFingerprint.TakeAsync(portal) : null;
                var response = await SecurityHarnessTests.SendAsync(client, rule, sample, rule.Fields?.Select(f => FieldValue.Of(f.Name, f.Valid(sample))));
                if (rule.Route == "/account/logout" && principal != Principal.Anonymous)
                {
                    // Signing out ends every session of the account on the server (ADR 0065), the reader's too.
                    readers[principal] = await Principals.ClientAsync(portal, principal);
                }
                var answer = SecurityHarnessTests.Classify(response, rule);
                var expected = rule.Permits(principal) ? Answer.Allowed : principal == Principal.Anonymous ? Answer.SignIn : Answer.Forbidden;
                Interlocked.Increment(ref SecurityTally.EndpointRoleChecks);

                if (answer == Answer.ServerError)
                {
                    Interlocked.Increment(ref SecurityTally.ServerErrors);
                }
                // A record of another company may be answered 404 as well as 403: neither says it exists.
                if (answer != expected && !(expected == Answer.Forbidden && answer == Answer.NotFound))
                {
                    if (expected != Answer.Allowed)
                    {
                        Interlocked.Increment(ref SecurityTally.Leaks);
                    }
                    problems.Add($"{rule} as {principal}: expected {expected}, got {answer} ({(int)response.StatusCode} {response.Headers.Location})");
                }
                if (before is not null && expected != Answer.Allowed && before != await DatabaseFingerprint.TakeAsync(portal))
                {
                    Interlocked.Increment(ref SecurityTally.Leaks);
                    problems.Add($"{rule} as {principal}: refused, but the database changed");
                }
            }
        }
        output.WriteLine(SecurityTally.Summary);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>The harness's hostile values in every field of every form. A class of its own, on a portal of its own, so that it runs beside the rest of the harness.</summary>
public class SecurityHostileValueTests(SecurityHarnessFixture portal) : IClassFixture<SecurityHarnessFixture>
{
    [Fact]
    public async Task Hostile_values_in_any_field_get_a_message_or_a_refusal_never_a_server_error_and_nothing_is_saved()
    {
        var sample = await SampleData.LoadAsync(portal);
        var problems = new List<string>();
        foreach (var rule in EndpointTable.Rules.Where(r => r.Fields is { Count: > 0 }))
        {
            var client = await Principals.ClientAsync(portal, SecurityHarnessTests.FirstPermitted(rule));
            // The form's page first, as a browser visits it before posting: what any visit stores (the first
            // authenticator key of an account on the two-factor page) is then not taken for a hostile value saved.
            if (EndpointTable.Rules.FirstOrDefault(r => r.Method == "GET" && r.Route == rule.Route) is { } page)
            {
                await client.GetAsync(page.Sample(sample));
            }
            // The fingerprint after the last checked request of this client: nothing runs between that request's
            // check and the next request, so it is the next one's "before" too (one fingerprint a request, not two).
            string? current = null;
            foreach (var field in rule.Fields!)
            {
                foreach (var hostile in HostileValues.For(field.Kind))
                {
                    var before = hostile.MustNotSave ? current ?? await DatabaseFingerprint.TakeAsync(portal) : null;
                    current = null;
                    var fields = rule.Fields!.Select(f => f == field
                        ? new FieldValue(f.Name, hostile.Encoded, hostile.RawBytes)
                        : FieldValue.Of(f.Name, f.Valid(sample)));
                    var response = await SecurityHarnessTests.SendAsync(client, rule, sample, fields);
                    var body = await response.Content.ReadAsStringAsync();
                    Interlocked.Increment(ref SecurityTally.HostileInputs);
                    var where = $"{rule} field {field.Name} = {hostile.Label}";
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref SecurityTally.ServerErrors);
                        problems.Add($"{where}: server error {(int)response.StatusCode}");
                    }
                    if (before is not null)
                    {
                        var after = await DatabaseFingerprint.TakeAsync(portal);
                        if (before != after)
                        {
                            Interlocked.Increment(ref SecurityTally.Leaks);
                            problems.Add($"{where}: was saved");
                        }
                        current = after;
                    }
                    if (hostile.MustNotEcho is { } raw && body.Contains(raw, StringComparison.OrdinalIgnoreCase))
                    {
                        Interlocked.Increment(ref SecurityTally.Leaks);
                        problems.Add($"{where}: came back unencoded");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
