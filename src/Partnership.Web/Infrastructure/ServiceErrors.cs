using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Turns a service's refusals into model-state messages. Shared validation messages name their field ({0}) and,
/// for lengths, the limit ({1}); an error with its own arguments (a file's name) uses those instead; <paramref name="fields"/> gives each field's label key and limit.
/// </summary>
public static class ServiceErrors
{
    public static void Add(ModelStateDictionary modelState, IStringLocalizer t, IEnumerable<FieldError> errors, IReadOnlyDictionary<string, (string Label, int Max)> fields)
    {
        foreach (var error in errors)
        {
            if (error.Args is { Count: > 0 } args)
            {
                // A message about a particular value (a file's name, a limit) carries its own arguments.
                modelState.AddModelError(error.Field, t[error.Code, [.. args]]);
                continue;
            }
            var (label, max) = fields.TryGetValue(error.Field, out var f) ? f : ("", 0);
            modelState.AddModelError(error.Field, t[error.Code, label.Length == 0 ? "" : t[label].Value, max]);
        }
    }
}
