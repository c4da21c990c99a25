using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Expense claims: receipts, OA approval by the department head, the payable and vouchers in Finance, paid back to the claim.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExpenseTests(BizSuiteFactory app)
{
    private static readonly byte[] Receipt = "%PDF-1.4\n% 发票 receipt\n"u8.ToArray();

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] content, string fileName, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await (await client.PostAsync("/api/hr/expense-claims/attachments", form)).JsonAsync(expected);
    }

    private static object Claim(string title, string? attachmentId) => new
    {
        title,
        lines = new object[]
        {
            new { category = "Travel", description = "高铁 杭州-上海", amount = 300.50m, attachmentId },
            new { category = "Meals", description = "客户午餐", amount = 80m, attachmentId = (string?)null },
        },
    };

    private static (string Account, decimal Debit, decimal Credit)[] Entries(JsonElement voucher) => voucher.GetProperty("lines").EnumerateArray()
        .Select(l => (l.Str("accountCode"), l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())).ToArray();

    [Fact]
    public async Task An_approved_claim_becomes_a_payable_and_paying_it_marks_the_claim_paid()
    {
        var team = await Team.CreateAsync(app);
        var receipt = await UploadAsync(team.Staff, Receipt, "高铁票.pdf");
        (receipt.Str("contentType"), receipt.GetProperty("size").GetInt64()).ShouldBe(("application/pdf", Receipt.Length));
        var claim = await team.Staff.PostJsonAsync("/api/hr/expense-claims", Claim("上海出差", receipt.Str("id")), HttpStatusCode.Created);
        (claim.Str("status"), claim.GetProperty("total").GetDecimal(), claim.Str("currency")).ShouldBe(("Draft", 380.50m, "CNY"));
        claim.GetProperty("lines")[0].Str("attachmentName").ShouldBe("高铁票.pdf");
        var id = claim.Str("id");

        var submitted = await team.Staff.PostJsonAsync($"/api/hr/expense-claims/{id}/submit", new { });
        submitted.Str("status").ShouldBe("Submitted");
        await team.Staff.PutJsonAsync($"/api/hr/expense-claims/{id}", Claim("改", null), HttpStatusCode.Conflict);

        // The head sees the claim and its receipt before deciding.
        (await team.Head.GetJsonAsync($"/api/hr/expense-claims/{id}")).Str("number").ShouldBe(claim.Str("number"));
        var download = await team.Head.GetAsync($"/api/hr/expense-claims/attachments/{receipt.Str("id")}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Receipt);
        await team.Head.PostJsonAsync($"/api/oa/approvals/{submitted.Str("approvalId")}/approve", new { comment = "同意" });

        (await team.Staff.GetJsonAsync($"/api/hr/expense-claims/{id}")).Str("status").ShouldBe("Approved");
        var payable = (await team.Admin.GetJsonAsync($"/api/finance/payables?sourceId={id}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (payable.Str("status"), payable.Str("payeeName"), payable.Str("sourceNumber"), payable.GetProperty("amount").GetDecimal())
            .ShouldBe(("Open", "李销售", claim.Str("number"), 380.50m));
        payable.Str("payeeId").ShouldBe(team.StaffEmployeeId);
        var recorded = (await team.Admin.GetJsonAsync($"/api/finance/vouchers?sourceId={payable.Str("id")}")).GetProperty("items").EnumerateArray().Single();
        Entries(recorded).ShouldBe([("6602", 300.50m, 0m), ("6602", 80m, 0m), ("2241", 0m, 380.50m)]);

        await team.Admin.PostJsonAsync($"/api/finance/payables/{payable.Str("id")}/pay", new { paidOn = "2026-12-01", reference = "网银 88" });
        var paid = await team.Staff.GetJsonAsync($"/api/hr/expense-claims/{id}");
        (paid.Str("status"), paid.Str("paidOn")).ShouldBe(("Paid", "2026-12-01"));
        var vouchers = (await team.Admin.GetJsonAsync($"/api/finance/vouchers?sourceId={payable.Str("id")}")).GetProperty("items").EnumerateArray().ToList();
        Entries(vouchers.Single(v => v.Str("sourceType") == "PayablePayment")).ShouldBe([("2241", 380.50m, 0m), ("1002", 0m, 380.50m)]);
        (await team.Admin.GetJsonAsync("/api/finance/reports/trial-balance")).GetProperty("balanced").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_rejected_claim_returns_to_draft_with_the_comment_and_is_submitted_again()
    {
        var team = await Team.CreateAsync(app);
        var claim = await team.Staff.PostJsonAsync("/api/hr/expense-claims", Claim("客户拜访", null), HttpStatusCode.Created);
        var id = claim.Str("id");
        var submitted = await team.Staff.PostJsonAsync($"/api/hr/expense-claims/{id}/submit", new { });
        await team.Head.PostJsonAsync($"/api/oa/approvals/{submitted.Str("approvalId")}/reject", new { comment = "请补充高铁票" });

        var rejected = await team.Staff.GetJsonAsync($"/api/hr/expense-claims/{id}");
        (rejected.Str("status"), rejected.Str("rejectionComment")).ShouldBe(("Draft", "请补充高铁票"));
        var receipt = await UploadAsync(team.Staff, Receipt, "ticket.pdf");
        var edited = await team.Staff.PutJsonAsync($"/api/hr/expense-claims/{id}", Claim("客户拜访", receipt.Str("id")));
        edited.GetProperty("lines")[0].Str("attachmentId").ShouldBe(receipt.Str("id"));
        var again = await team.Staff.PostJsonAsync($"/api/hr/expense-claims/{id}/submit", new { });
        (again.Str("status"), again.GetProperty("rejectionComment").ValueKind).ShouldBe(("Submitted", JsonValueKind.Null));
        (await app.ScalarAsync("SELECT COUNT(*) FROM finance_payables WHERE SourceId = @id", ("@id", id))).ShouldBe(0);
    }

    [Fact]
    public async Task Claims_and_receipts_stay_with_their_owner_team_and_tenant()
    {
        var team = await Team.CreateAsync(app);
        var receipt = await UploadAsync(team.Staff, Receipt, "r.pdf");
        var claim = await team.Staff.PostJsonAsync("/api/hr/expense-claims", Claim("办公用品", receipt.Str("id")), HttpStatusCode.Created);
        var id = claim.Str("id");

        var other = await Team.CreateAsync(app);
        await other.Admin.GetJsonAsync($"/api/hr/expense-claims/{id}", HttpStatusCode.NotFound);
        (await other.Staff.GetAsync($"/api/hr/expense-claims/attachments/{receipt.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Someone else's receipt cannot be put on one's own claim.
        (await other.Staff.PostJsonAsync("/api/hr/expense-claims", Claim("借用", receipt.Str("id")), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("Hr:AttachmentNotYours");
        // The head of another tenant's department and the staff's own head: only the latter sees the claim.
        await other.Head.PostJsonAsync($"/api/hr/expense-claims/{id}/submit", new { }, HttpStatusCode.NotFound);
        await team.Head.PostJsonAsync($"/api/hr/expense-claims/{id}/submit", new { }, HttpStatusCode.NotFound);

        (await UploadAsync(team.Staff, "<script>alert(1)</script>"u8.ToArray(), "x.pdf", HttpStatusCode.BadRequest)).Str("code").ShouldBe("Hr:AttachmentType");
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF"u8.CopyTo(big);
        (await UploadAsync(team.Staff, big, "big.pdf", HttpStatusCode.BadRequest)).Str("code").ShouldBe("Hr:AttachmentTooLarge");
        (await team.Staff.PostJsonAsync("/api/hr/expense-claims", new { title = "x", lines = new[] { new { category = "Gifts", description = "", amount = 0 } } },
            HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["lines[0].category", "lines[0].description", "lines[0].amount"], ignoreOrder: true);

        await team.Staff.GetJsonAsync("/api/finance/payables", HttpStatusCode.Forbidden);
        await team.Staff.GetJsonAsync("/api/hr/expense-claims?scope=All", HttpStatusCode.Forbidden);
        (await team.Admin.GetJsonAsync("/api/hr/expense-claims?scope=All")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        (await team.Head.GetJsonAsync("/api/hr/expense-claims?scope=Team")).GetProperty("totalCount").GetInt32().ShouldBe(1);
    }
}
