using System.Globalization;
using System.Text;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>How an import file's headers and cells are understood, whatever language the user's Excel speaks.</summary>
public sealed class ImportColumnTests
{
    private static readonly JsonStringLocalizer Localizer = new([typeof(KernelModule).Assembly, typeof(Crm.CrmModule).Assembly, typeof(Orders.OrdersModule).Assembly]);

    private static readonly ImportColumn[] Columns =
    [
        new("name", Required: true, "客户名称", "Customer name"),
        new("creditCode"),
        new("taxId"),
    ];

    [Theory]
    [InlineData("客户名称", "统一社会信用代码", "纳税人识别号")]   // Chinese texts and alias
    [InlineData("Name", "Credit code", "Tax id")]             // English texts
    [InlineData(" customer NAME ", "creditcode", "TaxId*")]  // case, spaces and the template's '*' do not matter
    public void Headers_in_Chinese_English_or_by_field_name_find_their_column(string name, string creditCode, string taxId)
    {
        var index = ImportColumn.Map(["备注", name, creditCode, taxId], Columns, Localizer);
        index.ShouldBe(new Dictionary<string, int> { ["name"] = 1, ["creditCode"] = 2, ["taxId"] = 3 });
    }

    [Fact]
    public void A_missing_optional_column_is_left_blank_but_a_missing_required_one_is_refused()
    {
        ImportColumn.Map(["名称"], Columns, Localizer).ShouldBe(new Dictionary<string, int> { ["name"] = 0 });
        var refused = Should.Throw<BusinessException>(() => ImportColumn.Map(["Credit code"], Columns, Localizer));
        refused.Code.ShouldBe(KernelErrors.ImportMissingColumn);
        refused.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
    }

    [Fact]
    public void Cells_read_as_numbers_dates_booleans_and_enums_by_their_localized_text()
    {
        var row = new ImportRow(2, new Dictionary<string, string?>
        {
            ["price"] = "1,234.50", ["date"] = "2026/3/2", ["primary"] = "是", ["kind"] = "服务", ["bad"] = "abc",
        }, Localizer);
        row.Decimal("price").ShouldBe(1234.50m);
        row.Date("date").ShouldBe(new DateOnly(2026, 3, 2));
        row.Bool("primary").ShouldBeTrue();
        row.Enum("kind", Orders.ProductKind.Product).ShouldBe(Orders.ProductKind.Service);
        row.Errors.ShouldBeEmpty();
        row.Decimal("bad").ShouldBe(0m);
        row.Errors.Keys.ShouldBe(["bad"]);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("GB18030")]
    public void Csv_is_read_in_UTF8_with_or_without_BOM_and_in_GB18030(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "名称,地址\r\n\"上海, 浦东\",\"世纪大道 1 号\"\r\n,\r\n北京公司,\r\n";
        byte[] bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(encoding).GetBytes(text),
        };
        var sheet = Spreadsheet.Read(new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "a.csv"));
        sheet.Headers.ShouldBe(["名称", "地址"]);
        sheet.Rows.Select(r => $"{r.Number}:{string.Join("|", r.Cells)}").ShouldBe(["2:上海, 浦东|世纪大道 1 号", "4:北京公司|"]);
    }
}
