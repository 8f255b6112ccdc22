using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Home;

/// <summary>
/// Every field of every form that saves a draft (the six scheme forms, the subsidy application, the consultation
/// request) is walked: each control on the page is given a value, the form is autosaved as the browser's script
/// posts it, and the page opened again must show every value back — check boxes included.
/// </summary>
public sealed partial class DraftFormsKeepEveryFieldTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Every_field_of_every_scheme_form_comes_back_after_autosave_and_after_the_save_button()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var codes = await _portal.WithDbAsync(db => db.Schemes.Select(s => s.Code).ToListAsync());
        Assert.Equal(6, codes.Count);
        foreach (var code in codes)
        {
            var started = await company.PostFormAsync("/company/schemes", $"/company/schemes/{code}/start", []);
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            var page = started.Headers.Location!.OriginalString;
            var walked = await WalkAsync(company, page, "scheme-form", page + "/autosave", json: true);
            Assert.Contains(walked, f => f.Name == "listInDirectory");

            // The save button (no script) keeps the box too, ticked and then unticked.
            var html = await company.GetStringAsync(page);
            var fields = Controls(Form(html, "scheme-form")).Where(c => c.Name != "listInDirectory").SelectMany(Posted).ToList();
            var saved = await company.PostAsync(page + "/save", Encoded(html, fields));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.False(Checkbox(await company.GetStringAsync(page), "listInDirectory"), $"{code}: unticking was not saved");
        }
    }

    [Fact]
    public async Task Every_field_of_the_subsidy_application_comes_back_after_autosave()
    {
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var started = await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", []);
        var page = started.Headers.Location!.OriginalString;
        var walked = await WalkAsync(company, page, "subsidy-form", page + "/autosave", json: true);
        Assert.Contains(walked, f => f.Name.EndsWith(".UnitPrice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_field_of_the_consultation_request_comes_back_after_autosave()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var walked = await WalkAsync(company, "/company/consultations/new", "consultation-form", "/company/consultations/draft", json: false);
        Assert.Contains(walked, f => f.Name == "Description");
    }

    /// <summary>Fills every control of the form, autosaves it, opens the page again and compares control by control.</summary>
    private static async Task<IReadOnlyList<Control>> WalkAsync(HttpClient client, string page, string form, string autosave, bool json)
    {
        var html = await client.GetStringAsync(page);
        var controls = Controls(Form(html, form)).ToList();
        Assert.NotEmpty(controls);
        using var request = new HttpRequestMessage(HttpMethod.Post, autosave) { Content = Encoded(html, controls.SelectMany(Posted)) };
        if (json)
        {
            request.Headers.Add("Accept", "application/json");
        }
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{page}: autosave answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        var again = Controls(Form(await client.GetStringAsync(page), form)).ToDictionary(c => c.Name);
        foreach (var control in controls)
        {
            Assert.True(again.TryGetValue(control.Name, out var shown), $"{page}: {control.Name} is gone");
            Assert.True(control.Expected.SequenceEqual(shown.Current), $"{page}: {control.Name} shows [{string.Join(",", shown.Current)}], typed [{string.Join(",", control.Expected)}]");
        }
        return controls;
    }

    private static IHtmlFormElement Form(string html, string idOrTestId)
    {
        var document = Parser.ParseDocument(html);
        return (IHtmlFormElement?)(document.GetElementById(idOrTestId) ?? document.QuerySelector($"form[data-testid='{idOrTestId}']"))
            ?? throw new InvalidOperationException($"No form {idOrTestId} on the page.");
    }

    private static bool Checkbox(string html, string name) =>
        Parser.ParseDocument(html).QuerySelector($"input[name='{name}']") is IHtmlInputElement { IsChecked: true };

    private static FormUrlEncodedContent Encoded(string html, IEnumerable<KeyValuePair<string, string>> fields) =>
        new(fields
            .Append(new("version", VersionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : ""))
            .Append(new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html))));

    /// <summary>
    /// One named control (a group of check boxes or radio buttons counts once): the values to post, the values
    /// the page should show afterwards, and the values it shows now.
    /// </summary>
    private sealed record Control(string Name, IReadOnlyList<string> Typed, IReadOnlyList<string> Expected, IReadOnlyList<string> Current);

    private static IEnumerable<KeyValuePair<string, string>> Posted(Control control) =>
        control.Typed.Select(v => new KeyValuePair<string, string>(control.Name, v));

    private static IEnumerable<Control> Controls(IHtmlFormElement form)
    {
        var elements = form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } name
            && name is not ("version" or WebPageHelpers.AntiforgeryFieldName)
            && e is not IHtmlButtonElement && e.GetAttribute("type") is not ("hidden" or "submit" or "file")).ToList();
        var chosenDesk = "";
        var n = 0;
        foreach (var group in elements.GroupBy(e => e.GetAttribute("name")!))
        {
            n++;
            var name = group.Key;
            var first = group.First();
            switch (first)
            {
                case IHtmlInputElement { Type: "checkbox" }:
                {
                    var boxes = group.Cast<IHtmlInputElement>().ToList();
                    var all = boxes.Select(b => b.Value).ToList();
                    yield return new Control(name, all, all, boxes.Where(b => b.IsChecked).Select(b => b.Value).ToList());
                    break;
                }
                case IHtmlInputElement { Type: "radio" }:
                {
                    var radios = group.Cast<IHtmlInputElement>().ToList();
                    var last = radios[^1].Value;
                    yield return new Control(name, [last], [last], radios.Where(b => b.IsChecked).Select(b => b.Value).ToList());
                    break;
                }
                case IHtmlSelectElement select:
                {
                    var options = select.Options.Where(o => o.Value.Length > 0
                        && (o.ParentElement?.GetAttribute("data-desk") is not { } desk || desk == chosenDesk)).ToList();
                    var value = options[^1].Value;
                    if (name == "DeskId")
                    {
                        chosenDesk = value;
                    }
                    var current = select.Options.Where(o => o.IsSelected && o.Value.Length > 0).Select(o => o.Value).ToList();
                    yield return new Control(name, [value], [value], current);
                    break;
                }
                case IHtmlTextAreaElement area:
                    yield return new Control(name, [$"入力した説明{n}。a < b 👨\u200D👩\u200D👧"], [$"入力した説明{n}。a < b 👨\u200D👩\u200D👧"], Value(area.Value));
                    break;
                case IHtmlInputElement input:
                {
                    var (typed, expected) = ValueFor(input, n);
                    yield return new Control(name, [typed], [expected], Value(input.Value));
                    break;
                }
            }
        }
    }

    private static IReadOnlyList<string> Value(string? value) => string.IsNullOrEmpty(value) ? [] : [value];

    /// <summary>A value the input accepts, as a person types it, and as the page shows it back.</summary>
    private static (string Typed, string Expected) ValueFor(IHtmlInputElement input, int n)
    {
        var name = input.Name ?? "";
        if (name.EndsWith("UnitPrice", StringComparison.Ordinal))
        {
            return ("１２８，５００", "128500");
        }
        switch (input.Type)
        {
            case "date":
                return ("2027-03-15", "2027-03-15");
            case "email":
                return ($"walk{n}@example.jp", $"walk{n}@example.jp");
            case "tel":
                return ("03-5320-1234", "03-5320-1234");
            case "number":
            {
                var value = input.GetAttribute("min") is { Length: > 0 } min ? min : "3";
                return (value, value);
            }
        }
        if (input.GetAttribute("inputmode") is "numeric" or "decimal")
        {
            return ("３", "3");
        }
        var text = $"入力{n}";
        return (text, text);
    }

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();
}
