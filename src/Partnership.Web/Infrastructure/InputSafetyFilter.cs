using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Applies <see cref="TextRules"/> to every string an action receives (its parameters and the string
/// properties of its form models), before the action runs. A refused value becomes a model error on its
/// field, so the form comes back with a message and nothing is saved.
/// </summary>
public sealed class InputSafetyFilter(IStringLocalizer<SharedResource> t, IModelMetadataProvider metadata) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var (name, value) in context.ActionArguments)
        {
            switch (value)
            {
                case string s:
                    Check(context.ModelState, name, name, s, allowMarkup: false);
                    break;
                case null or IEnumerable or ValueType:
                    break;
                default:
                    CheckModel(context.ModelState, value);
                    break;
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private void CheckModel(ModelStateDictionary modelState, object model)
    {
        var type = model.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var value = (string?)property.GetValue(model);
            // A password may contain "<" like any other symbol; it is never shown back.
            var isPassword = property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password;
            var display = metadata.GetMetadataForProperty(type, property.Name).GetDisplayName();
            Check(modelState, property.Name, display, value, allowMarkup: isPassword);
        }
    }

    private void Check(ModelStateDictionary modelState, string key, string display, string? value, bool allowMarkup)
    {
        var problem = TextRules.Check(value, allowMarkup);
        if (problem != TextRules.Problem.None)
        {
            modelState.AddModelError(key, t[$"Validation.{problem}", display]);
        }
    }
}
