using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BizSuite.Finance.Reports;

internal static class AgingExport
{
    /// <summary>One sheet, one row per customer and a total row, headers in the caller's language.</summary>
    public static byte[] ToExcel(AgingReportDto report, IStringLocalizer l)
    {
        var rows = report.Rows.Append(report.Totals with { CustomerName = l["Finance:Total"] }).Select(r => new Dictionary<string, object>
        {
            [l["Field:CustomerName"]] = r.CustomerName,
            [l["Finance:AgingCurrent"]] = r.Current,
            [l["Finance:Aging1To30"]] = r.Days1To30,
            [l["Finance:Aging31To60"]] = r.Days31To60,
            [l["Finance:Aging61To90"]] = r.Days61To90,
            [l["Finance:AgingOver90"]] = r.Over90,
            [l["Finance:Total"]] = r.Total,
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    /// <summary>AP aging in the same layout, one row per supplier.</summary>
    public static byte[] ToExcel(PayableAgingReportDto report, IStringLocalizer l)
    {
        var rows = report.Rows.Append(report.Totals with { SupplierName = l["Finance:Total"] }).Select(r => new Dictionary<string, object>
        {
            [l["Finance:Supplier"]] = r.SupplierName,
            [l["Finance:AgingCurrent"]] = r.Current,
            [l["Finance:Aging1To30"]] = r.Days1To30,
            [l["Finance:Aging31To60"]] = r.Days31To60,
            [l["Finance:Aging61To90"]] = r.Days61To90,
            [l["Finance:AgingOver90"]] = r.Over90,
            [l["Finance:Total"]] = r.Total,
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
