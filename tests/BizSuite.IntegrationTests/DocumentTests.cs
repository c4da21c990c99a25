using System.Net;
using System.Text.Json;
using BizSuite.Kernel;
using BizSuite.Tests;
using Shouldly;
using static BizSuite.IntegrationTests.SignedContract;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Printed documents read as a person reads them: each PDF is downloaded through the API in both languages, its text
/// extracted (PdfPig) and checked for numbers, dates, amounts and 大写金额, and every drawn character must have a glyph
/// in the embedded font. The PDFs stay in the test output's documents folder.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentTests(BizSuiteFactory app)
{
    private const string SellerTaxpayerId = "91110000802100433B";
    private const string BuyerCreditCode = "91350100M000100Y43";

    private static string? Text(JsonElement element, string property) => element.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static string Today(string format) => DateOnly.FromDateTime(DateTime.UtcNow).ToString(format);

    /// <summary>
    /// A signed contract of a tenant whose company profile is filled in, sold to a customer with billing details; the servers
    /// are the catalogue's SRV-R750 (台), the installation a free-text line.
    /// </summary>
    private async Task<SignedContract> SignAsync()
    {
        var tenant = await app.CreateTenantAsync("doc");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PutJsonAsync("/api/settings", new Dictionary<string, string>
        {
            [CompanyProfile.NameSetting] = "北京云帆软件有限公司",
            [CompanyProfile.AddressSetting] = "北京市海淀区中关村大街 1 号",
            [CompanyProfile.PhoneSetting] = "010-62345678",
            [CompanyProfile.TaxpayerIdSetting] = SellerTaxpayerId,
            [CompanyProfile.BankSetting] = "招商银行北京分行",
            [CompanyProfile.BankAccountSetting] = "1109 0123 4567 801",
            [BizSuite.Finance.InvoiceSignatories.Issuer] = "张会计",
        }, HttpStatusCode.NoContent);
        var customer = await admin.PostJsonAsync("/api/crm/customers", new
        {
            name = "杭州某某科技有限公司", creditCode = BuyerCreditCode, billingAddress = "杭州市西湖区文三路 90 号 0571-88886666",
            bankAccount = "工商银行杭州分行 1202 0210 0900 1234 567",
        }, HttpStatusCode.Created);
        var server = await admin.PostJsonAsync("/api/orders/products", new
        {
            sku = "SRV-R750", name = "机架式服务器", kind = "Product", unit = "台", unitPrice = 25000m, defaultVatRate = 0.13m, description = "2U, 2 × Xeon",
        }, HttpStatusCode.Created);
        return await CreateAsync(app, tenant: tenant, customerId: customer.Str("id"), serverProductId: server.Str("id"));
    }

    private async Task<PdfText> PdfAsync(HttpClient client, string url, string name)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText.Read(await response.Content.ReadAsByteArrayAsync(), name);
        text.NotCoveredBy(app.Service<DocumentRenderer>().FontFace).ShouldBeEmpty("every character drawn has a glyph in the embedded font");
        text.Fonts.ShouldAllBe(f => f.Contains("WenQuanYi"));
        return text;
    }

    [Fact]
    public async Task The_invoice_shows_its_number_dates_lines_totals_and_amount_in_words_in_both_languages()
    {
        var (_, admin, contractId, order) = await SignAsync();
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var number = invoice.Str("number");
        var due = DateOnly.Parse(invoice.Str("dueOn"));
        invoice.GetProperty("lines").EnumerateArray()
            .Select(l => (Text(l, "specification"), Text(l, "unit"), l.GetProperty("quantity").GetDecimal(), l.GetProperty("unitPrice").GetDecimal()))
            .ShouldBe([("SRV-R750", "台", 4m, 7500m), (null, null, 1m, 2400m)], "30 % of each line: the line's quantity at the share's unit price");

        var zh = (await PdfAsync(admin, $"/api/finance/invoices/{invoice.Str("id")}/pdf?lang=zh-CN", "invoice-zh-CN")).All;
        foreach (var expected in new[]
        {
            "销售发票", "不是税务机关监制的增值税发票", number, $"开票日期{Today("yyyy年MM月dd日")}", $"付款期限{due:yyyy年MM月dd日}",
            "北京云帆软件有限公司", SellerTaxpayerId, "招商银行北京分行 1109 0123 4567 801", "杭州某某科技有限公司", BuyerCreditCode,
            "规格型号单位数量单价金额税率税额", "服务器SRV-R750台47,500.0030,000.0013%3,900.00", "安装调试12,400.002,400.006%144.00", "合计32,400.004,044.00",
            "价税合计（大写）叁万陆仟肆佰肆拾肆元整", "（小写）¥36,444.00", $"订单 {order.Str("number")}", "第 1 期", "开票人: 张会计", "第 1 页 / 共 1 页",
        }) zh.ShouldContain(expected);

        var en = (await PdfAsync(admin, $"/api/finance/invoices/{invoice.Str("id")}/pdf?lang=en", "invoice-en")).All;
        foreach (var expected in new[]
        {
            "Sales Invoice", "not a fapiao", number, $"Issue date{Today("yyyy-MM-dd")}", $"Due date{due:yyyy-MM-dd}", "Taxpayer ID",
            "SpecificationUnitQtyUnit priceAmount", "SRV-R750台47,500.0030,000.0013%3,900.00", "安装调试12,400.002,400.006%144.00", "Total32,400.004,044.00",
            "叁万陆仟肆佰肆拾肆元整", "In figures ¥36,444.00", "Page 1 of 1",
        }) en.ShouldContain(expected);
    }

    [Fact]
    public async Task Invoice_pdf_needs_the_invoice_permission_a_known_language_and_the_tenants_own_invoice()
    {
        var first = await SignAsync();
        var invoiceId = (await InvoicesAsync(first.Admin, first.ContractId)).Single().Str("id");
        var problem = await first.Admin.GetJsonAsync($"/api/finance/invoices/{invoiceId}/pdf?lang=fr", HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe(KernelErrors.UnknownDocumentLanguage);

        var second = await SignAsync();
        await second.Admin.GetJsonAsync($"/api/finance/invoices/{invoiceId}/pdf", HttpStatusCode.NotFound);

        await first.Admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "clerk", email = "clerk@doc.test", name = "Clerk", password = "Clerk123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        var clerk = await app.LoginAsync(first.Tenant, "clerk", "Clerk123!");
        await clerk.GetJsonAsync($"/api/finance/invoices/{invoiceId}/pdf", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_receipt_shows_payer_invoice_and_amount_in_words_and_figures()
    {
        var (_, admin, contractId, _) = await SignAsync();
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var payment = await admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments",
            new { amount = 10000.5m, method = "BankTransfer", reference = "CMB-778812" });
        var number = payment.Str("number");

        var zh = (await PdfAsync(admin, $"/api/finance/payments/{payment.Str("id")}/pdf?lang=zh-CN", "receipt-zh-CN")).All;
        foreach (var expected in new[]
        {
            "收款收据", number, $"收款日期{Today("yyyy年MM月dd日")}", "交款单位杭州某某科技有限公司", $"发票 {invoice.Str("number")}",
            "人民币（大写）壹万元伍角整", "¥10,000.50", "银行转账", "CMB-778812",
        }) zh.ShouldContain(expected);
        var en = (await PdfAsync(admin, $"/api/finance/payments/{payment.Str("id")}/pdf?lang=en", "receipt-en")).All;
        foreach (var expected in new[] { "Receipt", number, $"Received on{Today("yyyy-MM-dd")}", "壹万元伍角整", "In figures¥10,000.50", "Bank transfer" })
            en.ShouldContain(expected);

        var other = await SignAsync();
        await other.Admin.GetJsonAsync($"/api/finance/payments/{payment.Str("id")}/pdf", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_statement_carries_the_opening_balance_the_movements_of_the_range_and_the_closing_balance()
    {
        var (_, admin, contractId, _) = await SignAsync();
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var payment = await admin.PostJsonAsync($"/api/finance/invoices/{invoice.Str("id")}/payments", new { amount = 10000m, method = "BankTransfer" });
        var customerId = invoice.Str("customerId");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = $"/api/finance/customers/{customerId}/statement/pdf";

        var zh = (await PdfAsync(admin, $"{url}?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}&lang=zh-CN", "statement-zh-CN")).All;
        foreach (var expected in new[]
        {
            "客户对账单", "杭州某某科技有限公司", BuyerCreditCode, $"{today.AddDays(-7):yyyy年MM月dd日} – {today:yyyy年MM月dd日}", "期初余额0.00",
            $"发票{invoice.Str("number")}", "36,444.0036,444.00", $"收款{payment.Str("number")}", "10,000.0026,444.00",
            "本期合计36,444.0010,000.00", "期末余额26,444.00", "期末余额（大写）贰万陆仟肆佰肆拾肆元整",
        }) zh.ShouldContain(expected);

        // A range after the movements opens with what they left owing and has nothing in it.
        var later = (await PdfAsync(admin, $"{url}?from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}&lang=en", "statement-en")).All;
        foreach (var expected in new[] { "Customer Statement", "Opening balance26,444.00", "Period total0.000.00", "Closing balance26,444.00", "贰万陆仟肆佰肆拾肆元整" })
            later.ShouldContain(expected);
        later.ShouldNotContain(invoice.Str("number"));

        var problem = await admin.GetJsonAsync($"{url}?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}", HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe(KernelErrors.InvalidDateRange);
        var other = await SignAsync();
        await other.Admin.GetJsonAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_voucher_lists_accounts_debits_credits_and_the_total_in_words()
    {
        var (_, admin, contractId, _) = await SignAsync();
        var invoice = (await InvoicesAsync(admin, contractId)).Single();
        var voucher = (await admin.GetJsonAsync($"/api/finance/vouchers?sourceId={invoice.Str("id")}")).GetProperty("items")[0];

        var zh = (await PdfAsync(admin, $"/api/finance/vouchers/{voucher.Str("id")}/pdf?lang=zh-CN", "voucher-zh-CN")).All;
        foreach (var expected in new[]
        {
            "记账凭证", $"记-{voucher.Str("number")}", Today("yyyy年MM月dd日"), invoice.Str("number"), "1122应收账款36,444.00", "6001主营业务收入32,400.00",
            "222101应交税费", "4,044.00", "合计: 叁万陆仟肆佰肆拾肆元整36,444.0036,444.00", "制单: BizSuite",
        }) zh.ShouldContain(expected);
        var en = (await PdfAsync(admin, $"/api/finance/vouchers/{voucher.Str("id")}/pdf?lang=en", "voucher-en")).All;
        foreach (var expected in new[] { "Journal Voucher", $"JV-{voucher.Str("number")}", Today("yyyy-MM-dd"), "1122Accounts receivable36,444.00", "Total: 叁万陆仟肆佰肆拾肆元整" })
            en.ShouldContain(expected);

        var other = await SignAsync();
        await other.Admin.GetJsonAsync($"/api/finance/vouchers/{voucher.Str("id")}/pdf", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sixty_line_contract_runs_over_pages_with_its_header_repeated_and_shows_lines_plan_and_total_in_words()
    {
        var tenant = await app.CreateTenantAsync("doc");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "宁波港湾物流有限公司", creditCode = BuyerCreditCode }, HttpStatusCode.Created)).Str("id");
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "仓储设备采购",
            customerId,
            lines = Enumerable.Range(1, 60).Select(i => new { description = $"货架组件 {i:D2} 型", quantity = (decimal)i, unitPrice = 100m, discountRate = 0m, vatRate = 0.13m }),
            installments = new object[] { new { trigger = "OnSigning", percentage = 30m }, new { trigger = "OnDelivery", percentage = 70m } },
        }, HttpStatusCode.Created);
        // 100 × (1 + … + 60) = 183,000.00 net, 23,790.00 VAT, 206,790.00 gross.
        var number = contract.Str("number");

        var zh = await PdfAsync(admin, $"/api/crm/contracts/{contract.Str("id")}/pdf?lang=zh-CN", "contract-60-lines-zh-CN");
        zh.Pages.Count.ShouldBeGreaterThan(1);
        for (var page = 0; page < zh.Pages.Count; page++)
        {
            zh.Pages[page].ShouldContain($"销售合同 {number}");
            zh.Pages[page].ShouldContain($"第 {page + 1} 页 / 共 {zh.Pages.Count} 页");
        }
        zh.Pages.Count(p => p.Contains("产品/服务数量单价")).ShouldBe(zh.Pages.Count(p => p.Contains("货架组件")), "every page with lines repeats the header");
        for (var i = 1; i <= 60; i++) zh.All.ShouldContain($"货架组件 {i:D2} 型{i}100.000%13%{i * 100m:#,##0.00}{i * 13m:#,##0.00}");
        foreach (var expected in new[]
        {
            "宁波港湾物流有限公司", BuyerCreditCode, "合计183,000.0023,790.00", "大写: 贰拾万陆仟柒佰玖拾元整", "¥206,790.00",
            "1合同签订时30%62,037.00", "2交付完成时70%144,753.00", "甲方（盖章）",
        }) zh.All.ShouldContain(expected);

        var en = await PdfAsync(admin, $"/api/crm/contracts/{contract.Str("id")}/pdf?lang=en", "contract-60-lines-en");
        en.Pages[0].ShouldContain($"Page 1 of {en.Pages.Count}");
        foreach (var expected in new[] { "Sales Contract", number, "Total183,000.0023,790.00", "In words: 贰拾万陆仟柒佰玖拾元整", "1On signing30%62,037.00" })
            en.All.ShouldContain(expected);

        var other = await SignAsync();
        await other.Admin.GetJsonAsync($"/api/crm/contracts/{contract.Str("id")}/pdf", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_delivery_note_lists_what_went_out_with_its_value_in_figures_and_words()
    {
        var (_, admin, _, order) = await SignAsync();
        var servers = order.GetProperty("lines").EnumerateArray().Single(l => l.Str("description") == "服务器");
        var delivered = await admin.PostJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliver", new
        {
            note = "分两批送货", lines = new[] { new { orderLineId = servers.Str("id"), quantity = 2m } },
        });
        var delivery = delivered.GetProperty("deliveries").EnumerateArray().Single();
        var url = $"/api/orders/sales-orders/{order.Str("id")}/deliveries/{delivery.Str("id")}/pdf";

        var zh = (await PdfAsync(admin, $"{url}?lang=zh-CN", "delivery-note-zh-CN")).All;
        foreach (var expected in new[]
        {
            "送货单", $"送货单号{order.Str("number")}-1", $"送货日期{Today("yyyy年MM月dd日")}", "收货单位杭州某某科技有限公司", "杭州市西湖区文三路 90 号",
            "服务器SRV-R750台42225,000.0050,000.00", "合计50,000.00", "金额（大写）伍万元整", "分两批送货", "收货人（签字/盖章）",
        }) zh.ShouldContain(expected);
        var en = (await PdfAsync(admin, $"{url}?lang=en", "delivery-note-en")).All;
        foreach (var expected in new[] { "Delivery Note", $"{order.Str("number")}-1", "Total50,000.00", "伍万元整", "Received by" })
            en.ShouldContain(expected);

        await admin.GetJsonAsync($"/api/orders/sales-orders/{order.Str("id")}/deliveries/{Guid.NewGuid()}/pdf", HttpStatusCode.NotFound);
        var other = await SignAsync();
        await other.Admin.GetJsonAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_company_taxpayer_id_is_checked_like_a_credit_code()
    {
        var tenant = await app.CreateTenantAsync("doc");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var problem = await admin.PutJsonAsync("/api/settings", new Dictionary<string, string> { [CompanyProfile.TaxpayerIdSetting] = "91110000802100433C" },
            HttpStatusCode.BadRequest);
        problem.Str("code").ShouldBe(KernelErrors.InvalidSettingValue);
    }
}
