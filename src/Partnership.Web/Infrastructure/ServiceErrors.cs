using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Turns a service's refusals into model-state messages. Shared validation messages name their field ({0}) and,
/// for lengths, the limit ({1}); <paramref name="fields"/> gives each field's label key and limit.
/// </summary>
public static class ServiceErrors
{
    public static void Add(ModelStateDictionary modelState, IStringLocalizer t, IEnumerable<FieldError> errors, IReadOnlyDictionary<string, (string Label, int Max)> fields)
    {
        foreach (var error in errors)
        {
            var (label, max) = fields.TryGetValue(error.Field, out var f) ? f : ("", 0);
            modelState.AddModelError(error.Field, t[error.Code, label.Length == 0 ? "" : t[label].Value, max]);
        }
    }
}
