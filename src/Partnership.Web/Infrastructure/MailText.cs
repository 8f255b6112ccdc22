using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Partnership.Web.Infrastructure;

/// <summary>Mail is written in the recipient's language, not the language of whoever caused it.</summary>
public sealed class MailText(IStringLocalizer localizer, CultureInfo culture)
{
    public static MailText ForCulture(IStringLocalizer localizer, string? cultureName) =>
        new(localizer, new CultureInfo(Languages.Supported.Contains(cultureName) ? cultureName! : Languages.Japanese));

    public string this[string key, params object[] args]
    {
        get
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                return localizer[key, args];
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
