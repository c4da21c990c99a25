using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace BizSuite.Finance.Invoices;

public sealed class InvoicePdfOptions
{
    /// <summary>A TrueType font with CJK glyphs (Debian/Ubuntu package fonts-droid-fallback).</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
}

/// <summary>Renders an invoice as an A4 PDF in Chinese or English.</summary>
internal sealed class InvoicePdf
{
    private const string Family = "BizSuite";
    private static readonly Lock InitLock = new();

    public InvoicePdf(Microsoft.Extensions.Options.IOptions<InvoicePdfOptions> options)
    {
        // PdfSharp's font resolver is process-wide and may be set only once.
        lock (InitLock) GlobalFontSettings.FontResolver ??= new FileFontResolver(options.Value.FontPath);
    }

    public byte[] Render(InvoiceDto invoice, string sellerName, bool chinese)
    {
        string T(string zh, string en) => chinese ? zh : en;
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en");
        string M(decimal amount) => amount.ToString("N2", culture);

        using var document = new PdfDocument();
        document.Info.Title = $"{T("发票", "Invoice")} {invoice.Number}";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var title = new XFont(Family, 18);
        var normal = new XFont(Family, 10);
        var small = new XFont(Family, 8);
        double left = 40, right = page.Width.Point - 40, y = 50;

        gfx.DrawString(T("增值税发票", "VAT Invoice"), title, XBrushes.Black, new XRect(left, y, right - left, 24), XStringFormats.TopCenter);
        y += 40;
        void Field(string label, string value)
        {
            gfx.DrawString($"{label}: {value}", normal, XBrushes.Black, left, y);
            y += 16;
        }
        Field(T("发票号码", "Invoice number"), invoice.Number);
        Field(T("开票日期", "Issue date"), invoice.IssuedOn.ToString("yyyy-MM-dd"));
        Field(T("付款期限", "Due date"), invoice.DueOn.ToString("yyyy-MM-dd"));
        Field(T("销售方", "Seller"), sellerName);
        Field(T("购买方", "Buyer"), invoice.CustomerName);
        Field(T("合同编号", "Contract"), $"{invoice.ContractNumber} · {T("第", "installment ")}{invoice.InstallmentNumber}{T("期", "")}");
        y += 10;

        double[] columns = [left, left + 230, left + 300, left + 390, left + 460];
        string[] headers = [T("项目", "Item"), T("税率", "VAT rate"), T("金额", "Net"), T("税额", "VAT"), T("价税合计", "Total")];
        gfx.DrawLine(XPens.Black, left, y, right, y);
        y += 4;
        Row(headers, normal);
        gfx.DrawLine(XPens.Black, left, y, right, y);
        y += 4;
        foreach (var line in invoice.Lines)
            Row([line.Description, line.VatRate.ToString("P0", culture), M(line.NetAmount), M(line.VatAmount), M(line.GrossAmount)], normal);
        gfx.DrawLine(XPens.Black, left, y, right, y);
        y += 4;
        Row([T("合计", "Total"), "", M(invoice.NetTotal), M(invoice.VatTotal), M(invoice.GrossTotal)], normal);
        y += 16;
        Field(T("币种", "Currency"), invoice.Currency);
        Field(T("已收金额", "Paid"), M(invoice.PaidAmount));
        Field(T("未收金额", "Outstanding"), M(invoice.Outstanding));
        gfx.DrawString(T("本发票由 BizSuite 根据合同回款计划自动开具。", "Issued automatically by BizSuite from the contract's collection plan."),
            small, XBrushes.Gray, left, page.Height.Point - 40);

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();

        void Row(string[] cells, XFont font)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var width = (i + 1 < columns.Length ? columns[i + 1] : right) - columns[i] - 4;
                var format = i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                gfx.DrawString(cells[i], font, XBrushes.Black, new XRect(columns[i], y, width, 14), format);
            }
            y += 16;
        }
    }

    private sealed class FileFontResolver(string path) : IFontResolver
    {
        private readonly Lazy<byte[]> _bytes = new(() => File.ReadAllBytes(path));

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family);

        public byte[] GetFont(string faceName) => _bytes.Value;
    }
}
