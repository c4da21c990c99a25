using System.Net;
using System.Text.Json;
using BizSuite.Oa;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Custom approval forms (通用审批) over HTTP: the admin designs and publishes a form and binds it to a flow, staff submit it,
/// approvers decide in the inbox like for any other document.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalFormTests(BizSuiteFactory app)
{
    /// <summary>A tenant with an approver wang (role "approvers") and two members li and zhao.</summary>
    private sealed record Office(string Tenant, HttpClient Admin, HttpClient Wang, HttpClient Li, HttpClient Zhao, Guid WangId);

    private async Task<Office> OfficeAsync()
    {
        var tenant = await app.CreateTenantAsync("fm");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/identity/roles", new { name = "approvers" }, HttpStatusCode.Created);
        var ids = new Dictionary<string, Guid>();
        foreach (var (user, roles) in new[] { ("wang", new[] { "approvers", "member" }), ("li", ["member"]), ("zhao", ["member"]) })
            ids[user] = Guid.Parse((await admin.PostJsonAsync("/api/identity/users", new
            {
                userName = user, email = $"{user}@{tenant}.test", name = user.ToUpperInvariant(), password = "Passw0rd!", isActive = true, roleNames = roles,
            }, HttpStatusCode.Created)).Str("id"));
        return new Office(tenant, admin, await app.LoginAsync(tenant, "wang", "Passw0rd!"), await app.LoginAsync(tenant, "li", "Passw0rd!"),
            await app.LoginAsync(tenant, "zhao", "Passw0rd!"), ids["wang"]);
    }

    /// <summary>付款申请: a payee, a method, an attachment and lines with an amount column summed; the sum feeds the flow's amount condition.</summary>
    private static object PaymentForm(string nameZh = "付款申请", bool withNote = false) => new
    {
        code = "payment", nameZh, nameEn = "Payment request", description = "对外付款",
        amountField = "lines",
        fields = new object[]
        {
            new { spec = new { key = "payee", type = "Text", labelZh = "收款方", labelEn = "Payee", required = true } },
            new
            {
                spec = new
                {
                    key = "method", type = "SingleSelect", labelZh = "付款方式", labelEn = "Method", required = true,
                    options = new[] { new { value = "bank", labelZh = "银行转账", labelEn = "Bank transfer" }, new { value = "cash", labelZh = "现金", labelEn = "Cash" } },
                },
            },
            new { spec = new { key = "invoice", type = "Text", labelZh = "发票", labelEn = "Invoice" }, kind = "Attachment" },
            new
            {
                spec = new { key = "lines", type = "Text", labelZh = "明细", labelEn = "Lines", required = true }, kind = "Table", sumColumn = "amount",
                columns = new object[]
                {
                    new { key = "item", type = "Text", labelZh = "事项", labelEn = "Item", required = true },
                    new { key = "amount", type = "Money", labelZh = "金额", labelEn = "Amount", required = true, min = 0.01m, max = 1000000m },
                },
            },
        }.Concat(withNote ? new object[] { new { spec = new { key = "note", type = "LongText", labelZh = "备注", labelEn = "Note" } } } : []).ToArray(),
    };

    private static object Values(decimal first, decimal second, Guid? invoice = null) => new Dictionary<string, object?>
    {
        ["payee"] = "上海印务有限公司",
        ["method"] = "bank",
        ["invoice"] = invoice,
        ["lines"] = new object[] { new { item = "印刷", amount = first }, new { item = "运费", amount = second } },
    };

    /// <summary>Anyone of the approvers role; wang alone again above 10,000 (the form's table sum).</summary>
    private static object PaymentFlow(Office office) => new
    {
        documentType = "form:payment", name = "付款审批",
        steps = new object[]
        {
            new { rule = "Role", roleName = "approvers", condition = "Always" },
            new { rule = "User", userId = office.WangId, condition = "AmountAbove", threshold = 10000m },
        },
    };

    private static async Task<string> PublishedPaymentFormAsync(Office office)
    {
        var id = (await office.Admin.PostJsonAsync("/api/oa/forms", PaymentForm(), HttpStatusCode.Created)).Str("id");
        await office.Admin.PostJsonAsync($"/api/oa/forms/{id}/publish", new { });
        await office.Admin.PostJsonAsync("/api/oa/approval-flows", PaymentFlow(office), HttpStatusCode.Created);
        return id;
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string formId, object values, HttpStatusCode expected = HttpStatusCode.Created) =>
        await client.PostJsonAsync("/api/oa/form-submissions", new { formId, values }, expected);

    [Fact]
    public async Task A_form_is_validated_designed_and_offered_to_staff_only_once_published()
    {
        var office = await OfficeAsync();
        var bad = await office.Admin.PostJsonAsync("/api/oa/forms", new
        {
            code = "Bad Code", nameZh = "", nameEn = "x", amountField = "purpose",
            fields = new object[]
            {
                new { spec = new { key = "purpose", type = "Text", labelZh = "用途", labelEn = "Purpose" } },
                new { spec = new { key = "seal", type = "SingleSelect", labelZh = "印章", labelEn = "Seal" } },
                new
                {
                    spec = new { key = "lines", type = "Text", labelZh = "明细", labelEn = "Lines" }, kind = "Table", sumColumn = "what",
                    columns = new object[] { new { key = "what", type = "Text", labelZh = "事项", labelEn = "What" } },
                },
                new { spec = new { key = "file", type = "Number", labelZh = "附件", labelEn = "File" }, kind = "Attachment" },
            },
        }, HttpStatusCode.BadRequest);
        bad.FieldErrors("code").ShouldNotBeEmpty();
        bad.FieldErrors("nameZh").ShouldNotBeEmpty();
        bad.FieldErrors("amountField").ShouldNotBeEmpty("a text field cannot feed the amount condition");
        bad.FieldErrors("fields[1].spec.options").ShouldNotBeEmpty();
        bad.FieldErrors("fields[2].sumColumn").ShouldNotBeEmpty();
        bad.FieldErrors("fields[3].spec.type").ShouldNotBeEmpty("an attachment holds no kernel value");

        var form = await office.Admin.PostJsonAsync("/api/oa/forms", PaymentForm(), HttpStatusCode.Created);
        var id = form.Str("id");
        form.Str("status").ShouldBe("Draft");
        form.Str("documentType").ShouldBe("form:payment");
        form.GetProperty("fields")[3].GetProperty("columns").GetArrayLength().ShouldBe(2);
        form.GetProperty("fields")[3].Str("kind").ShouldBe("Table");
        (await office.Admin.PostJsonAsync("/api/oa/forms", PaymentForm(), HttpStatusCode.Conflict)).Str("code").ShouldBe(OaErrors.DuplicateForm);

        // A draft is the designers' business.
        (await office.Li.GetJsonAsync("/api/oa/forms/published")).GetArrayLength().ShouldBe(0);
        await office.Li.GetJsonAsync($"/api/oa/forms/{id}", HttpStatusCode.NotFound);
        (await SubmitAsync(office.Li, id, Values(100, 20), HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe(OaErrors.FormNotPublished);
        await office.Li.GetJsonAsync("/api/oa/forms", HttpStatusCode.Forbidden);
        await office.Li.PostJsonAsync("/api/oa/forms", PaymentForm(), HttpStatusCode.Forbidden);
        await office.Li.PostJsonAsync($"/api/oa/forms/{id}/publish", new { }, HttpStatusCode.Forbidden);

        (await office.Admin.PostJsonAsync($"/api/oa/forms/{id}/publish", new { })).Str("status").ShouldBe("Published");
        var published = await office.Li.GetJsonAsync("/api/oa/forms/published");
        published.EnumerateArray().Select(f => f.Str("code")).ShouldBe(["payment"]);
        (await office.Li.GetJsonAsync($"/api/oa/forms/{id}")).Str("nameZh").ShouldBe("付款申请");

        // A flow may be bound to the form's document type, and only to a well-formed one.
        (await office.Admin.PostJsonAsync("/api/oa/approval-flows", new { documentType = "form:", name = "x", steps = new object[]
            { new { rule = "DepartmentHead", condition = "Always" } } }, HttpStatusCode.BadRequest)).FieldErrors("documentType").ShouldNotBeEmpty();
        (await office.Admin.PostJsonAsync("/api/oa/approval-flows", PaymentFlow(office), HttpStatusCode.Created)).Str("documentType").ShouldBe("form:payment");
    }

    [Fact]
    public async Task A_version_is_frozen_once_used_and_submissions_keep_the_version_they_were_made_with()
    {
        var office = await OfficeAsync();
        var id = await PublishedPaymentFormAsync(office);

        // Unused, the first version changes in place.
        var renamed = await office.Admin.PutJsonAsync($"/api/oa/forms/{id}", PaymentForm("对外付款申请"));
        renamed.GetProperty("version").GetInt32().ShouldBe(1);
        renamed.GetProperty("versionInUse").GetBoolean().ShouldBeFalse();
        renamed.Str("nameZh").ShouldBe("对外付款申请");

        var first = await SubmitAsync(office.Li, id, Values(100, 20));
        first.GetProperty("summary").GetProperty("version").GetInt32().ShouldBe(1);
        (await office.Admin.GetJsonAsync($"/api/oa/forms/{id}")).GetProperty("versionInUse").GetBoolean().ShouldBeTrue();

        // Used, it is frozen: adding a field starts version 2, which new submissions use and the first one never sees.
        var edited = await office.Admin.PutJsonAsync($"/api/oa/forms/{id}", PaymentForm("对外付款申请", withNote: true));
        edited.GetProperty("version").GetInt32().ShouldBe(2);
        edited.GetProperty("versionInUse").GetBoolean().ShouldBeFalse();
        edited.GetProperty("fields").GetArrayLength().ShouldBe(5);
        var second = await SubmitAsync(office.Li, id, new Dictionary<string, object?>
        {
            ["payee"] = "x", ["method"] = "cash", ["note"] = "加急", ["lines"] = new object[] { new { item = "印刷", amount = 5m } },
        });
        second.GetProperty("summary").GetProperty("version").GetInt32().ShouldBe(2);
        second.GetProperty("values").Str("note").ShouldBe("加急");

        var firstAgain = await office.Li.GetJsonAsync($"/api/oa/form-submissions/{first.GetProperty("summary").Str("id")}");
        firstAgain.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("spec").Str("key")).ShouldBe(["payee", "method", "invoice", "lines"]);
        (await app.ScalarAsync("SELECT COUNT(*) FROM oa_form_versions WHERE FormId = @f", ("@f", Guid.Parse(id)))).ShouldBe(2);

        // Saving the same fields again does not start a version.
        (await office.Admin.PutJsonAsync($"/api/oa/forms/{id}", PaymentForm("对外付款申请", withNote: true))).GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Invalid_values_answer_400_with_an_error_per_field_and_save_nothing()
    {
        var office = await OfficeAsync();
        var id = await PublishedPaymentFormAsync(office);

        var problem = await SubmitAsync(office.Li, id, new Dictionary<string, object?>
        {
            ["payee"] = "   ",
            ["method"] = "支票",
            ["invoice"] = "not-an-id",
            ["lines"] = new object[] { new { item = "印刷", amount = 10.005m }, new { amount = -1m }, new { item = "x", amount = "many" } },
        }, HttpStatusCode.BadRequest);
        problem.FieldErrors("values.payee").ShouldNotBeEmpty();
        problem.FieldErrors("values.method").ShouldNotBeEmpty();
        problem.FieldErrors("values.invoice").ShouldNotBeEmpty();
        problem.FieldErrors("values.lines[0].amount").ShouldNotBeEmpty("money has two decimals");
        problem.FieldErrors("values.lines[1].item").ShouldNotBeEmpty();
        problem.FieldErrors("values.lines[1].amount").ShouldNotBeEmpty();
        problem.FieldErrors("values.lines[2].amount").ShouldNotBeEmpty();
        problem.GetProperty("errors").EnumerateObject().Count().ShouldBe(7);
        (await SubmitAsync(office.Li, id, new Dictionary<string, object?> { ["payee"] = "x", ["method"] = "cash" }, HttpStatusCode.BadRequest))
            .FieldErrors("values.lines").ShouldNotBeEmpty();

        // Another user's upload cannot be attached.
        var foreign = await office.Zhao.UploadAsync("/api/oa/form-submissions/attachments", [1, 2, 3], "invoice.pdf", HttpStatusCode.Created);
        (await SubmitAsync(office.Li, id, Values(1, 2, Guid.Parse(foreign.Str("id"))), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe(OaErrors.AttachmentNotYours);

        (await office.Li.GetJsonAsync("/api/oa/form-submissions")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await office.Wang.GetJsonAsync("/api/oa/approvals?box=assigned")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_submission_is_approved_in_the_inbox_through_its_flow_with_the_amount_branch()
    {
        var office = await OfficeAsync();
        var id = await PublishedPaymentFormAsync(office);
        var upload = await office.Li.UploadAsync("/api/oa/form-submissions/attachments", "%PDF-1.4 invoice"u8.ToArray(), "发票.pdf", HttpStatusCode.Created);
        var fileId = Guid.Parse(upload.Str("id"));

        var submitted = await SubmitAsync(office.Li, id, Values(9000m, 2000.5m, fileId));
        var summary = submitted.GetProperty("summary");
        summary.Str("status").ShouldBe("Pending");
        summary.GetProperty("amount").GetDecimal().ShouldBe(11000.5m);
        submitted.GetProperty("values").GetProperty("lines").GetProperty("sum").GetDecimal().ShouldBe(11000.5m);
        submitted.GetProperty("attachments")[0].Str("fileName").ShouldBe("发票.pdf");
        var approvalId = summary.Str("approvalId");

        // The approver finds it in the inbox like any document and reads the values and the attachment.
        var inbox = (await office.Wang.GetJsonAsync("/api/oa/approvals?box=assigned")).GetProperty("items");
        inbox.GetArrayLength().ShouldBe(1);
        inbox[0].Str("documentType").ShouldBe("form:payment");
        inbox[0].Str("link").ShouldBe($"/oa/requests/{summary.Str("id")}");
        var read = await office.Wang.GetJsonAsync($"/api/oa/form-submissions/{summary.Str("id")}");
        read.GetProperty("values").Str("payee").ShouldBe("上海印务有限公司");
        read.Str("applicantName").ShouldBe("LI");
        (await office.Wang.GetAsync($"/api/oa/form-submissions/attachments/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Above 10,000 the second step (wang again) applies.
        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { comment = "同意" }))
            .GetProperty("summary").GetProperty("currentStep").GetInt32().ShouldBe(2);
        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { })).GetProperty("summary").Str("status").ShouldBe("Approved");
        var mine = (await office.Li.GetJsonAsync("/api/oa/form-submissions")).GetProperty("items");
        mine[0].Str("status").ShouldBe("Approved");
        mine[0].GetProperty("decidedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // Below the threshold one step decides; rejection and withdrawal reach the submission too.
        var small = (await SubmitAsync(office.Li, id, Values(100m, 20m))).GetProperty("summary");
        (await office.Wang.PostJsonAsync($"/api/oa/approvals/{small.Str("approvalId")}/reject", new { comment = "重复申请" }))
            .GetProperty("summary").Str("status").ShouldBe("Rejected");
        var withdrawn = (await SubmitAsync(office.Li, id, Values(1m, 2m))).GetProperty("summary");
        await office.Li.PostJsonAsync($"/api/oa/approvals/{withdrawn.Str("approvalId")}/withdraw", new { });
        (await office.Li.GetJsonAsync("/api/oa/form-submissions")).GetProperty("items").EnumerateArray().Select(s => s.Str("status"))
            .ShouldBe(["Withdrawn", "Rejected", "Approved"]);
    }

    [Fact]
    public async Task Forms_submissions_and_attachments_are_the_tenants_and_the_participants_own()
    {
        var office = await OfficeAsync();
        var id = await PublishedPaymentFormAsync(office);
        var fileId = (await office.Li.UploadAsync("/api/oa/form-submissions/attachments", [1, 2, 3], "a.pdf", HttpStatusCode.Created)).Str("id");
        var submissionId = (await SubmitAsync(office.Li, id, Values(1m, 2m, Guid.Parse(fileId)))).GetProperty("summary").Str("id");

        // A colleague who takes no part in the approval does not see it; the flow administrator does.
        await office.Zhao.GetJsonAsync($"/api/oa/form-submissions/{submissionId}", HttpStatusCode.NotFound);
        (await office.Zhao.GetAsync($"/api/oa/form-submissions/attachments/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.Zhao.GetJsonAsync("/api/oa/form-submissions")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        await office.Admin.GetJsonAsync($"/api/oa/form-submissions/{submissionId}");

        var other = await OfficeAsync();
        await other.Admin.GetJsonAsync($"/api/oa/forms/{id}", HttpStatusCode.NotFound);
        await other.Admin.PutJsonAsync($"/api/oa/forms/{id}", PaymentForm(), HttpStatusCode.NotFound);
        await other.Admin.GetJsonAsync($"/api/oa/form-submissions/{submissionId}", HttpStatusCode.NotFound);
        (await other.Admin.GetAsync($"/api/oa/form-submissions/attachments/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Li.GetJsonAsync("/api/oa/forms/published")).GetArrayLength().ShouldBe(0);
        (await SubmitAsync(other.Li, id, Values(1m, 2m), HttpStatusCode.NotFound)).Str("code").ShouldBe("Kernel:EntityNotFound");
        // The same code is free in another tenant.
        await other.Admin.PostJsonAsync("/api/oa/forms", PaymentForm(), HttpStatusCode.Created);
    }
}
