using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Partnership.Web.Areas.Dashboards.Controllers;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: it needs no script, prints, and is one image with a name
/// (role="img"); the numbers themselves are in the table beside it (docs/adr/0051-dashboard-charts-as-svg.md).
/// </summary>
public static class DashChart
{
    private const int RowHeight = 24;
    private const int LabelRight = 262;
    private const int BarLeft = 270;
    private const int BarMax = 300;

    public static IHtmlContent Svg(IReadOnlyList<(string Label, decimal Value, string Text)> bars, string title)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var height = bars.Count * RowHeight + 8;
        var e = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 640 {height}\" width=\"100%\" role=\"img\" aria-label=\"{e.Encode(title)}\" focusable=\"false\" class=\"dash-svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var width = max <= 0 ? 0 : (double)(value / max) * BarMax;
            var y = i * RowHeight + 4;
            var shown = label.Length > 19 ? label[..18] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelRight}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"dash-bar-label\">{e.Encode(shown)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{BarLeft}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"16\" class=\"dash-bar\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{BarLeft + 4 + width:0.#}\" y=\"{y + 16}\" class=\"dash-bar-value\">{e.Encode(text)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
