using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>
/// Metro officials publish the next version of a scheme's form: wording, which questions are required, and
/// the options (commitments) offered. Published versions never change; drafts move to the new one with a notice.
/// </summary>
[Area("Schemes")]
[Authorize(Policy = Policies.ReviewSchemes)]
[Route("/schemes/forms")]
public sealed class FormsController(SchemeReviewService review, IStringLocalizer<SharedResource> t) : Controller
{
    public const int LabelMaxLength = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await review.FormsAsync(ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var form = (await review.FormsAsync(ct)).FirstOrDefault(f => f.Scheme.Code == code);
        if (form.Scheme is null)
        {
            return NotFound();
        }
        return View(new FormEditPage(form.Scheme, form.Current, ToEdit(form.Current)));
    }

    [HttpPost("{code}")]
    public async Task<IActionResult> Edit(string code, FormEditModel edit, CancellationToken ct)
    {
        var form = (await review.FormsAsync(ct)).FirstOrDefault(f => f.Scheme.Code == code);
        if (form.Scheme is null)
        {
            return NotFound();
        }
        var definition = Apply(form.Current.Definition, edit);
        if (ModelState.IsValid)
        {
            var outcome = await review.PublishFormAsync(code, definition, edit.CurrentVersion,
                new Actor(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity?.Name ?? ""), ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["SchemeForm.Published", outcome.Value!.Number].Value;
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError("", t[error.Code]);
            }
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(new FormEditPage(form.Scheme, form.Current, ToEdit(form.Current)));
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new FormEditPage(form.Scheme, form.Current, edit));
    }

    private static FormEditModel ToEdit(SchemeFormVersion version) => new()
    {
        CurrentVersion = version.Number,
        Fields = version.Definition.Fields.Select(f => new FieldEdit
        {
            Key = f.Key, Ja = f.Ja, En = f.En, Required = f.Required,
            Options = f.OptionList.Select(o => new OptionEdit { Code = o.Code, Ja = o.Ja, En = o.En, Compulsory = o.Compulsory }).ToList(),
        }).ToList(),
    };

    /// <summary>The current definition with the official's changes; questions are matched by key, never added or reordered here.</summary>
    private FormDefinition Apply(FormDefinition current, FormEditModel edit)
    {
        var fields = new List<FormField>();
        for (var i = 0; i < current.Fields.Count; i++)
        {
            var field = current.Fields[i];
            var change = edit.Fields.ElementAtOrDefault(i);
            if (change is null || change.Key != field.Key)
            {
                ModelState.AddModelError("", t["SchemeForm.Mismatch"]);
                return current;
            }
            var ja = Label(change.Ja, $"Fields[{i}].Ja");
            var en = Label(change.En, $"Fields[{i}].En");
            IReadOnlyList<FormOption>? options = field.Options;
            if (field.Type is FormFieldType.Choices or FormFieldType.Choice)
            {
                var list = new List<FormOption>();
                for (var j = 0; j < field.OptionList.Count; j++)
                {
                    var o = change.Options.ElementAtOrDefault(j);
                    if (o is null || o.Code != field.OptionList[j].Code)
                    {
                        ModelState.AddModelError("", t["SchemeForm.Mismatch"]);
                        return current;
                    }
                    if (!o.Remove)
                    {
                        list.Add(new FormOption(o.Code!, Label(o.Ja, $"Fields[{i}].Options[{j}].Ja"), Label(o.En, $"Fields[{i}].Options[{j}].En"), field.Type == FormFieldType.Choices && o.Compulsory));
                    }
                }
                var added = change.NewOption;
                if (!string.IsNullOrWhiteSpace(added.Ja) || !string.IsNullOrWhiteSpace(added.En) || !string.IsNullOrWhiteSpace(added.Code))
                {
                    var code = (added.Code ?? "").Trim();
                    if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9_]{0,19}$"))
                    {
                        ModelState.AddModelError($"Fields[{i}].NewOption.Code", t["SchemeForm.OptionCode"]);
                    }
                    list.Add(new FormOption(code, Label(added.Ja, $"Fields[{i}].NewOption.Ja"), Label(added.En, $"Fields[{i}].NewOption.En"), field.Type == FormFieldType.Choices && added.Compulsory));
                }
                options = list;
            }
            fields.Add(field with { Ja = ja, En = en, Required = change.Required, Options = options });
        }
        return new FormDefinition { Fields = fields };
    }

    private string Label(string? value, string name)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            ModelState.AddModelError(name, t["SchemeForm.LabelRequired"]);
        }
        else if (text.Length > LabelMaxLength)
        {
            ModelState.AddModelError(name, t["SchemeForm.LabelTooLong", LabelMaxLength]);
        }
        else if (TextRules.Check(text) is var problem and not TextRules.Problem.None)
        {
            ModelState.AddModelError(name, t[$"Validation.{problem}", t["SchemeForm.Label"]]);
        }
        return text;
    }
}
