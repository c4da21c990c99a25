using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ImportExportTests(BizSuiteFactory app)
{
    // Valid unified social credit codes (check character computed per GB 32100-2015).
    private const string CodeA = "91310000MA1K000019";
    private const string CodeB = "91310000MA1K00002C";
    private const string CodeC = "91310000MA1K00003F";
    private const string CodeD = "91310000MA1K00004J";

    private async Task<(string Tenant, HttpClient Admin)> TenantAsync()
    {
        var tenant = await app.CreateTenantAsync("ie");
        return (tenant, await app.LoginAsync(tenant, "admin", "Admin123!"));
    }

    private static byte[] Csv(string text, bool bom = true) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<long> CountAsync(HttpClient client, string url) => (await client.GetJsonAsync(url)).GetProperty("totalCount").GetInt64();

    /// <summary>"row:field" for every field in error.</summary>
    private static string[] Errors(JsonElement rows) => rows.EnumerateArray()
        .SelectMany(r => r.GetProperty("errors").EnumerateObject().Select(e => $"{r.GetProperty("row").GetInt32()}:{e.Name}")).ToArray();

    [Fact]
    public async Task Preview_names_each_bad_row_and_field_and_a_file_with_a_bad_row_imports_nothing()
    {
        var (_, admin) = await TenantAsync();
        await admin.PostJsonAsync("/api/crm/customers", new { name = "老客户", creditCode = CodeD }, HttpStatusCode.Created);
        var file = Csv($"""
            客户名称,统一社会信用代码,开票地址
            好客户,{CodeA},上海
            坏代码,91310000MA1K000010,北京
            重复甲,{CodeC},
            重复乙,{CodeC},
            已存在,{CodeD},
            ,{CodeB},
            """);

        var preview = await admin.UploadAsync("/api/crm/customers/import/preview", file, "customers.csv");
        Errors(preview.GetProperty("rows")).ShouldBe([
            "3:creditCode", // bad check character
            "5:creditCode", // repeats row 4
            "6:creditCode", // already a customer
            "7:name",       // required
        ]);
        preview.GetProperty("validCount").GetInt32().ShouldBe(2);
        preview.GetProperty("errorCount").GetInt32().ShouldBe(4);
        preview.GetProperty("rows")[1].GetProperty("values").Str("name").ShouldBe("坏代码");

        var rejected = await admin.UploadAsync("/api/crm/customers/import", file, "customers.csv", HttpStatusCode.UnprocessableEntity);
        rejected.Str("code").ShouldBe("Kernel:ImportHasErrors");
        Errors(rejected.GetProperty("rows")).ShouldBe(["3:creditCode", "5:creditCode", "6:creditCode", "7:name"]);
        (await CountAsync(admin, "/api/crm/customers")).ShouldBe(1);
    }

    [Fact]
    public async Task References_by_name_must_exist_contacts_to_customers_and_employees_to_departments()
    {
        var (_, admin) = await TenantAsync();
        await admin.PostJsonAsync("/api/crm/customers", new { name = "华东贸易" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/hr/departments", new { name = "销售部", code = "SALES" }, HttpStatusCode.Created);

        var contacts = Xlsx([
            new() { ["Customer name"] = "华东贸易", ["Contact name"] = "王经理", ["Email"] = "wang@example.cn", ["Primary contact"] = null },
            new() { ["Customer name"] = "不存在的公司", ["Contact name"] = "李四", ["Email"] = "li@example.cn", ["Primary contact"] = null },
            new() { ["Customer name"] = "华东贸易", ["Contact name"] = "赵总", ["Email"] = null, ["Primary contact"] = "是" },
            new() { ["Customer name"] = "华东贸易", ["Contact name"] = "钱总", ["Email"] = null, ["Primary contact"] = "是" },
        ]);
        var contactPreview = await admin.UploadAsync("/api/crm/contacts/import/preview", contacts, "contacts.xlsx");
        Errors(contactPreview.GetProperty("rows")).ShouldBe(["3:customerId", "5:isPrimary"]); // unknown customer; a second primary contact
        await admin.UploadAsync("/api/crm/contacts/import", contacts, "contacts.xlsx", HttpStatusCode.UnprocessableEntity);
        (await CountAsync(admin, "/api/crm/contacts")).ShouldBe(0);

        var employees = Csv("""
            姓名,部门,入职日期,邮箱
            张三,销售部,2026-03-01,zhang@example.cn
            李四,研发部,2026-03-01,li@example.cn
            王五,SALES,2026/3/2,zhang@example.cn
            """, bom: false);
        var employeePreview = await admin.UploadAsync("/api/hr/employees/import/preview", employees, "employees.csv");
        Errors(employeePreview.GetProperty("rows")).ShouldBe(["3:departmentId", "4:email"]);
    }

    [Fact]
    public async Task A_good_file_imports_every_row_through_the_modules_own_create()
    {
        var (tenant, admin) = await TenantAsync();
        await admin.PostJsonAsync("/api/hr/departments", new { name = "销售部", code = "SALES" }, HttpStatusCode.Created);

        var customers = Xlsx([
            new() { ["Name"] = "导入甲", ["Credit code"] = CodeA, ["Billing address"] = "上海市" },
            new() { ["Name"] = "导入乙", ["Credit code"] = CodeB.ToLowerInvariant(), ["Billing address"] = null },
        ]);
        (await admin.UploadAsync("/api/crm/customers/import", customers, "customers.xlsx")).GetProperty("imported").GetInt32().ShouldBe(2);
        var listed = await admin.GetJsonAsync("/api/crm/customers?filter=导入&sort=name");
        listed.GetProperty("items").EnumerateArray().Select(c => (c.Str("name"), c.Str("creditCode"), c.Str("taxId"))).ShouldBe(
            [("导入乙", CodeB, CodeB), ("导入甲", CodeA, CodeA)]);

        var contacts = Csv("客户,联系人,职务,手机,主联系人\n导入甲,王经理,采购,13800000001,是\n" + CodeB + ",李会计,财务,,否\n");
        (await admin.UploadAsync("/api/crm/contacts/import", contacts, "contacts.csv")).GetProperty("imported").GetInt32().ShouldBe(2);
        var contactList = await admin.GetJsonAsync("/api/crm/contacts?sort=name");
        contactList.GetProperty("items").EnumerateArray().Select(c => (c.Str("name"), c.Str("customerName"), c.GetProperty("isPrimary").GetBoolean()))
            .ShouldBe([("李会计", "导入乙", false), ("王经理", "导入甲", true)]);

        var products = Csv("编码,名称,类型,单位,单价,税率\nsvc-imp-1,实施服务,服务,人天,2000,6%\nHW-IMP-2,服务器,Product,台,35000.50,\n");
        (await admin.UploadAsync("/api/orders/products/import", products, "products.csv")).GetProperty("imported").GetInt32().ShouldBe(2);
        var productList = await admin.GetJsonAsync("/api/orders/products?sort=sku");
        productList.GetProperty("items").EnumerateArray().Select(p => (p.Str("sku"), p.Str("kind"), p.GetProperty("unitPrice").GetDecimal(), p.GetProperty("defaultVatRate").GetDecimal()))
            .ShouldBe([("HW-IMP-2", "Product", 35000.50m, 0.13m), ("SVC-IMP-1", "Service", 2000m, 0.06m)]);

        var employees = Csv("姓名,部门,职位,入职日期,状态,邮箱,身份证号\n张三,销售部,销售经理,2026-03-01,试用期,zhang@example.cn,110101199003071233\n李四,SALES,销售,2026-03-02,,li@example.cn,\n");
        (await admin.UploadAsync("/api/hr/employees/import", employees, "employees.csv")).GetProperty("imported").GetInt32().ShouldBe(2);
        var staff = (await admin.GetJsonAsync("/api/hr/employees?sort=number")).GetProperty("items").EnumerateArray().ToList();
        staff.Select(e => (e.Str("number"), e.Str("name"), e.Str("departmentName"), e.Str("status"))).ShouldBe(
            [("E000001", "张三", "销售部", "Probation"), ("E000002", "李四", "销售部", "Active")]);
        staff[0].Str("nationalIdMasked").ShouldBe("110101********1233");
        (await CountAsync(admin, "/api/audit/entity-changes?entityType=Employee")).ShouldBe(2);
        (await CountAsync(admin, "/api/audit/entity-changes?entityType=Customer")).ShouldBe(2);
        _ = tenant;
    }

    [Fact]
    public async Task Csv_in_GB18030_as_Chinese_Excel_saves_it_parses_too_and_the_template_has_the_headers()
    {
        var (_, admin) = await TenantAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Encoding.GetEncoding("GB18030").GetBytes($"客户名称,统一社会信用代码\r\n广州制造,{CodeA}\r\n");
        var preview = await admin.UploadAsync("/api/crm/customers/import/preview", file, "客户.csv");
        preview.GetProperty("rows")[0].GetProperty("values").Str("name").ShouldBe("广州制造");
        preview.GetProperty("errorCount").GetInt32().ShouldBe(0);

        var chinese = await app.LoginAsync((await TenantAsync()).Tenant, "admin", "Admin123!", "zh-CN");
        var template = await chinese.GetByteArrayAsync("/api/crm/customers/import/template");
        using var stream = new MemoryStream(template);
        var headers = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false).First()).Values.ToList();
        headers.ShouldBe(["名称*", "统一社会信用代码", "纳税人识别号", "开票地址", "开户行及账号"]);
    }

    [Fact]
    public async Task Too_big_a_file_is_a_bad_request_and_importing_needs_the_create_permission()
    {
        var (tenant, admin) = await TenantAsync();
        var big = Csv("Name\n" + string.Concat(Enumerable.Range(1, 5_001).Select(i => $"客户{i}\n")));
        (await admin.UploadAsync("/api/crm/customers/import/preview", big, "big.csv", HttpStatusCode.BadRequest)).Str("code").ShouldBe("Kernel:ImportTooLarge");
        byte[] damaged = [(byte)'P', (byte)'K', 3, 4, 1, 2, 3];
        (await admin.UploadAsync("/api/crm/customers/import/preview", damaged, "x.xlsx", HttpStatusCode.BadRequest)).Str("code").ShouldBe("Kernel:ImportUnreadable");
        (await admin.UploadAsync("/api/crm/customers/import/preview", Csv("Credit code\n" + CodeA), "c.csv", HttpStatusCode.BadRequest))
            .Str("code").ShouldBe("Kernel:ImportMissingColumn");

        await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "viewer", email = "viewer@example.test", name = "viewer", password = "Member123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        var member = await app.LoginAsync(tenant, "viewer", "Member123!");
        await member.UploadAsync("/api/crm/customers/import/preview", Csv("Name\n甲\n"), "c.csv", HttpStatusCode.Forbidden);
        await member.UploadAsync("/api/hr/employees/import", Csv("Name\n甲\n"), "e.csv", HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/crm/customers?format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_writes_every_row_of_the_filtered_list_of_this_tenant_only()
    {
        var (_, admin) = await TenantAsync();
        var (_, other) = await TenantAsync();
        await other.PostJsonAsync("/api/crm/customers", new { name = "导出-别人的" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/crm/customers", new { name = "其他客户" }, HttpStatusCode.Created);
        foreach (var i in Enumerable.Range(1, 25))
            await admin.PostJsonAsync("/api/crm/customers", new { name = $"导出-{i:D2}", billingAddress = $"地址{i}" }, HttpStatusCode.Created);

        // 25 rows although a JSON page is 20: the export is the whole filtered list.
        var response = await admin.GetAsync("/api/crm/customers?filter=导出&sort=name&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["Name"]).ShouldBe(Enumerable.Range(1, 25).Select(i => (object?)$"导出-{i:D2}"));
        rows[0]["Billing address"].ShouldBe("地址1");
        rows[0].Keys.ShouldNotContain("Id");

        // The JSON list is unchanged.
        var json = await admin.GetJsonAsync("/api/crm/customers?filter=导出");
        json.GetProperty("items").GetArrayLength().ShouldBe(20);
        json.GetProperty("totalCount").GetInt64().ShouldBe(25);
    }
}
