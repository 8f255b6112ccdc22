using System.Net;
using System.Text.RegularExpressions;

namespace Partnership.TestKit;

/// <summary>Form posts the way a browser makes them: with the antiforgery token the page carried.</summary>
public static partial class WebPageHelpers
{
    public const string AntiforgeryFieldName = "__RequestVerificationToken";

    public static string ExtractAntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        if (match.Success)
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        var title = TitlePattern().Match(html);
        var start = html.Length > 600 ? html[..600] : html;
        throw new InvalidOperationException(
            $"No antiforgery token on the page (title: {(title.Success ? title.Groups[1].Value.Trim() : "none")}). Page starts: {start}");
    }

    /// <summary>GETs <paramref name="formPage"/>, then POSTs the fields to <paramref name="action"/> with the page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        if (!TokenPattern().IsMatch(html))
            throw new InvalidOperationException(
                $"GET {formPage} answered {(int)page.StatusCode} {page.StatusCode} (location: {page.Headers.Location?.OriginalString ?? "none"}) without a form token. "
                + $"Body starts: {(html.Length > 600 ? html[..600] : html)}");
        var all = fields.Append(new(AntiforgeryFieldName, ExtractAntiforgeryToken(html)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Signs in; for a staff account with two-factor sign-in, answers with the authenticator code too.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = PortalFactory.DemoPassword,
        string authenticatorKey = Partnership.Infrastructure.Seeding.IdentitySeeder.DemoAuthenticatorKey)
    {
        var response = await client.PostFormAsync("/account/login", "/account/login",
            [new("Email", email), new("Password", password)]);
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
        {
            var page = response.Headers.Location.OriginalString;
            response = await client.PostFormAsync(page, "/account/login-2fa",
                [new("Code", Totp.Code(authenticatorKey)), new("ReturnUrl", System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + page).Query)["returnUrl"] ?? "")]);
        }
        return response;
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
