using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BizSuite.Finance.Reports;

internal static class AgingExport
{
    private sealed record Row(string Name, decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total);

    /// <summary>One sheet, one row per customer and a total row, headers in the caller's language.</summary>
    public static byte[] ToExcel(AgingReportDto report, IStringLocalizer l) =>
        Sheet(l, l["Field:CustomerName"], report.Rows.Append(report.Totals with { CustomerName = l["Finance:Total"] })
            .Select(r => new Row(r.CustomerName, r.Current, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90, r.Total)));

    /// <summary>AP aging in the same layout, one row per supplier.</summary>
    public static byte[] ToExcel(PayableAgingReportDto report, IStringLocalizer l) =>
        Sheet(l, l["Finance:Supplier"], report.Rows.Append(report.Totals with { SupplierName = l["Finance:Total"] })
            .Select(r => new Row(r.SupplierName, r.Current, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90, r.Total)));

    private static byte[] Sheet(IStringLocalizer l, string nameHeader, IEnumerable<Row> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object>
        {
            [nameHeader] = r.Name,
            [l["Finance:AgingCurrent"]] = r.Current,
            [l["Finance:Aging1To30"]] = r.Days1To30,
            [l["Finance:Aging31To60"]] = r.Days31To60,
            [l["Finance:Aging61To90"]] = r.Days61To90,
            [l["Finance:AgingOver90"]] = r.Over90,
            [l["Finance:Total"]] = r.Total,
        }));
        return stream.ToArray();
    }
}
