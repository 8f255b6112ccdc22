using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Schemes;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>Reading a scheme form from a request, and turning its refusals into messages naming the field.</summary>
public static class SchemeForms
{
    /// <summary>The answers as posted: every a_* field with all its values.</summary>
    public static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Answers(IFormCollection form) =>
        form.Where(f => f.Key.StartsWith(FormDefinition.FieldPrefix, StringComparison.Ordinal))
            .Select(f => new KeyValuePair<string, IReadOnlyList<string>>(
                f.Key[FormDefinition.FieldPrefix.Length..], f.Value.Select(v => v ?? "").ToList()));

    /// <summary>Adds each refusal to the model state, worded with the field's label and, for a missing commitment, its name.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<FieldError> errors, FormDefinition? definition, IStringLocalizer t)
    {
        var culture = CultureInfo.CurrentUICulture;
        foreach (var error in errors)
        {
            var key = error.Field.StartsWith(FormDefinition.FieldPrefix, StringComparison.Ordinal) ? error.Field[FormDefinition.FieldPrefix.Length..] : null;
            var field = key is null ? null : definition?.Field(key);
            var label = field?.Label(culture) ?? (error.Field.Length == 0 ? "" : t[$"Scheme.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}"].Value);
            var args = (error.Args ?? []).Select(a => error.Code switch
            {
                "Scheme.MissingCommitment" => field?.Option(a)?.Label(culture) ?? a,
                "Scheme.DateOrder" => definition?.Field(a)?.Label(culture) ?? a,
                _ => a,
            });
            state.AddModelError(error.Field, t[error.Code, [label, .. args]]);
        }
    }
}
