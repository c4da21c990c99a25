using BizSuite.Tests;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>The shared document renderer: amounts in capital numerals, fonts, page frame and tables across pages.</summary>
public sealed class DocumentTests
{
    private static readonly DocumentRenderer Renderer = DocumentRenderer.Create(new DocumentOptions());

    private static readonly CompanyProfile Company = new("杭州云帆科技有限公司", "杭州市西湖区文三路 90 号", "0571-88886666",
        "91330106MA2CFXXX0U", "招商银行杭州分行", "5719 0123 4567 890");

    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.50", "伍角整")]
    [InlineData("0.15", "壹角伍分")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("15.8", "壹拾伍元捌角整")]
    [InlineData("2790", "贰仟柒佰玖拾元整")]
    [InlineData("1409.50", "壹仟肆佰零玖元伍角整")]
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("10000", "壹万元整")]
    [InlineData("100001", "壹拾万零壹元整")]
    [InlineData("107000.53", "壹拾万柒仟元伍角叁分")]
    [InlineData("1000010", "壹佰万零壹拾元整")]
    [InlineData("36444.00", "叁万陆仟肆佰肆拾肆元整")]
    [InlineData("99999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("100000700", "壹亿零柒佰元整")]
    [InlineData("1200000000.10", "壹拾贰亿元壹角整")]
    [InlineData("1000000000000", "壹万亿元整")]
    [InlineData("-36444", "负叁万陆仟肆佰肆拾肆元整")]
    [InlineData("-0.01", "负壹分")]
    [InlineData("12.345", "壹拾贰元叁角伍分")] // rounded half away from zero first, like every amount
    public void Amounts_read_in_capital_chinese_numerals(string amount, string words)
    {
        ChineseAmount.InWords(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(words);
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91110000802100433B", true)]
    [InlineData("91350100M000100Y44", false)] // wrong check character
    [InlineData("91350100M000100Y4", false)]  // 17 characters
    [InlineData("91350100I000100Y43", false)] // I is not in the alphabet
    [InlineData(null, false)]
    public void Unified_social_credit_codes_are_checked(string? code, bool valid)
    {
        CreditCode.IsValid(code).ShouldBe(valid);
    }

    [Fact]
    public void A_host_without_the_font_stops_with_the_package_to_install()
    {
        var error = Should.Throw<InvalidOperationException>(() => DocumentRenderer.Create(new DocumentOptions { FontPath = "/nonexistent/font.ttc" }));
        error.Message.ShouldContain("/nonexistent/font.ttc");
        error.Message.ShouldContain("apt-get install fonts-wqy-zenhei");
    }

    [Fact]
    public void The_first_face_of_a_font_collection_is_a_font_of_its_own()
    {
        var face = Renderer.FontFace;
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(face).ShouldBe(0x00010000u, "a TrueType font, not a collection");
        var text = new string("发票FP2026000001¥36,444.00 Total".Where(c => c != ' ').ToArray());
        var font = UglyToad.PdfPig.Fonts.TrueType.Parser.TrueTypeFontParser.Parse(new UglyToad.PdfPig.Fonts.TrueType.TrueTypeDataBytes(face));
        text.Where(c => font.WindowsUnicodeCMap.CharacterCodeToGlyphIndex(c) == 0).ShouldBeEmpty();
    }

    [Fact]
    public void Installing_the_font_again_changes_nothing_for_documents_already_set_up()
    {
        DocumentRenderer.Create(new DocumentOptions());
        PdfSharp.Fonts.GlobalFontSettings.FontResolver.ShouldNotBeNull();
        var text = PdfText.Read(Render(DocumentLanguage.English, 3), "kernel-short-en");
        text.All.ShouldContain("Line 3");
    }

    [Fact]
    public void A_long_table_breaks_across_pages_with_its_header_repeated_and_every_page_numbered()
    {
        var pdf = Render(DocumentLanguage.Chinese, 60);
        var text = PdfText.Read(pdf, "kernel-long-table-zh-CN");

        text.Pages.Count.ShouldBeGreaterThan(1);
        for (var page = 0; page < text.Pages.Count; page++)
        {
            text.Pages[page].ShouldContain(Company.Name, Case.Sensitive, "the company header is on every page");
            text.Pages[page].ShouldContain("项目名称", Case.Sensitive, "the table header is repeated on every page");
            text.Pages[page].ShouldContain($"第 {page + 1} 页 / 共 {text.Pages.Count} 页");
        }
        for (var line = 1; line <= 60; line++) text.All.ShouldContain($"第 {line} 行 服务器机柜");
        text.All.ShouldContain("纳税人识别号: 91330106MA2CFXXX0U");
        text.NotCoveredBy(Renderer.FontFace).ShouldBeEmpty();
        text.Fonts.ShouldAllBe(f => f.Contains("WenQuanYi"));
    }

    [Fact]
    public void English_pages_are_numbered_page_n_of_m_and_long_chinese_text_wraps_inside_its_cell()
    {
        var text = PdfText.Read(Render(DocumentLanguage.English, 60), "kernel-long-table-en");
        text.Pages[0].ShouldContain($"Page 1 of {text.Pages.Count}");
        text.All.ShouldContain("这是一个很长的备注");
        text.All.ShouldContain("结束");
    }

    private static byte[] Render(DocumentLanguage language, int lines)
    {
        using var document = Renderer.Start(Company, language, "测试单", "TS0001");
        document.Heading(document.T("测试单", "Test document"), document.T("仅供测试", "For tests only"));
        var table = new Table(new Column(4), new Column(1, CellAlign.Right), new Column(2, CellAlign.Right)).Header("项目名称", "数量", "金额");
        for (var line = 1; line <= lines; line++)
            table.Row(document.T($"第 {line} 行 服务器机柜", $"Line {line}"), "2", DocumentPdf.Amount(line * 1000.5m));
        table.Row(new Cell("这是一个很长的备注，" + string.Concat(Enumerable.Repeat("内容需要在单元格内自动换行，", 8)) + "结束", 3));
        document.Draw(table);
        return document.ToPdf();
    }
}
