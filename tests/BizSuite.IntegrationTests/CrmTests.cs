using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class CrmTests(BizSuiteFactory app)
{
    private const string ValidCreditCode = "91350100M000100Y43";

    private static object Contract(string customerId, decimal price = 1000m) => new
    {
        title = "ERP 实施服务",
        customerId,
        lines = new[]
        {
            new { description = "实施服务", quantity = 10m, unitPrice = price, discountRate = 0m, vatRate = 0.06m },
            new { description = "软件许可", quantity = 1m, unitPrice = 2000m, discountRate = 0.1m, vatRate = 0.13m },
        },
        installments = new[]
        {
            new { trigger = "OnSigning", percentage = (decimal?)30m },
            new { trigger = "OnDelivery", percentage = (decimal?)70m },
        },
    };

    private async Task<(HttpClient Admin, string CustomerId)> TenantWithCustomerAsync()
    {
        var tenant = await app.CreateTenantAsync("c");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "杭州某某科技有限公司", creditCode = ValidCreditCode }, HttpStatusCode.Created);
        return (admin, customer.Str("id"));
    }

    [Fact]
    public async Task Customers_need_a_valid_unique_credit_code_when_one_is_given()
    {
        var (admin, _) = await TenantWithCustomerAsync();
        var invalid = await admin.PostJsonAsync("/api/crm/customers", new { name = "Bad", creditCode = "91350100M000100Y44" }, HttpStatusCode.BadRequest);
        invalid.Str("code").ShouldBe("Crm:InvalidCreditCode");
        invalid.FieldErrors("creditCode").ShouldNotBeEmpty();

        (await admin.PostJsonAsync("/api/crm/customers", new { name = "Twin", creditCode = ValidCreditCode.ToLowerInvariant() }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe("Crm:DuplicateCreditCode");
        var individual = await admin.PostJsonAsync("/api/crm/customers", new { name = "张三（个人）" }, HttpStatusCode.Created);
        individual.GetProperty("creditCode").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_contract_is_priced_per_line_and_goes_through_approval_to_signing()
    {
        var (admin, customerId) = await TenantWithCustomerAsync();
        var draft = await admin.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.Created);
        draft.Str("status").ShouldBe("Draft");
        draft.GetProperty("netTotal").GetDecimal().ShouldBe(11800m);
        draft.GetProperty("vatTotal").GetDecimal().ShouldBe(834m);     // 600 + 234
        draft.GetProperty("grossTotal").GetDecimal().ShouldBe(12634m);
        draft.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()).ShouldBe([3790.2m, 8843.8m]);
        var id = draft.Str("id");

        var early = await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { }, HttpStatusCode.Conflict);
        early.Str("code").ShouldBe("Crm:ContractStatusNotAllowed");
        early.Str("detail").ShouldBe($"Contract {draft.Str("number")} is draft; this needs it to be approved.");
        var approvalId = (await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { })).Str("approvalId");
        (await admin.PostJsonAsync($"/api/oa/approvals/{approvalId}/reject", new { comment = "" }, HttpStatusCode.BadRequest)).FieldErrors("comment").ShouldNotBeEmpty();
        await admin.PostJsonAsync($"/api/oa/approvals/{approvalId}/reject", new { comment = "价格需复核" });
        var rejected = await admin.GetJsonAsync($"/api/crm/contracts/{id}");
        (rejected.Str("status"), rejected.Str("rejectionComment")).ShouldBe(("Draft", "价格需复核"));
        await admin.PutJsonAsync($"/api/crm/contracts/{id}", Contract(customerId, price: 1100m));
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);
        var signed = await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });

        signed.Str("status").ShouldBe("Signed");
        signed.GetProperty("grossTotal").GetDecimal().ShouldBe(13694m);
        var journal = await admin.GetJsonAsync($"/api/audit/events?aggregateId={id}");
        journal.GetProperty("items").EnumerateArray().Select(e => e.Str("eventType")).ShouldBe(["ContractSubmitted", "ContractSubmitted", "ContractSigned"]);
    }

    [Fact]
    public async Task Only_an_approver_approves_and_bad_plans_are_refused_without_using_a_number()
    {
        var (admin, customerId) = await TenantWithCustomerAsync();
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "sales" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions",
            new { grantedPermissions = new[] { "Crm.Contracts", "Crm.Contracts.Manage" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "li", email = "li@example.cn", name = "李销售", password = "Passw0rd!", isActive = true, roleNames = new[] { "sales", "member" } }, HttpStatusCode.Created);
        var sales = await LoginInSameTenantAsync(admin, "li");

        var first = await sales.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.Created);
        await sales.PostJsonAsync($"/api/crm/contracts/{first.Str("id")}/submit", new { });
        // The new tenant's contract flow asks the admin role: the applicant is not an approver of their own contract.
        (await SignedContract.ApproveAsync(sales, first.Str("id"), HttpStatusCode.Forbidden)).Str("code").ShouldBe("Oa:NotAnApprover");
        (await admin.GetJsonAsync($"/api/crm/contracts/{first.Str("id")}")).Str("status").ShouldBe("Submitted");

        var badPlan = new
        {
            title = "x", customerId,
            lines = new[] { new { description = "x", quantity = 1m, unitPrice = 100m, discountRate = 0m, vatRate = 0.13m } },
            installments = new[] { new { trigger = "OnSigning", percentage = (decimal?)30m }, new { trigger = "OnDelivery", percentage = (decimal?)60m } },
        };
        (await sales.PostJsonAsync("/api/crm/contracts", badPlan, HttpStatusCode.BadRequest)).FieldErrors("installments").ShouldNotBeEmpty();
        var second = await sales.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.Created);

        var year = DateTime.UtcNow.Year;
        (first.Str("number"), second.Str("number")).ShouldBe(($"HT{year}00001", $"HT{year}00002"));
    }

    [Fact]
    public async Task Two_concurrent_signs_of_one_contract_sign_it_once()
    {
        var (admin, customerId) = await TenantWithCustomerAsync();
        var id = (await admin.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.Created)).Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await SignedContract.ApproveAsync(admin, id);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsync($"/api/crm/contracts/{id}/sign", null)));

        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType = 'ContractSigned' AND AggregateId = @id", ("@id", id))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_act_on_a_contract()
    {
        var (admin, customerId) = await TenantWithCustomerAsync();
        var id = (await admin.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.Created)).Str("id");
        var (other, _) = await TenantWithCustomerAsync();

        await other.GetJsonAsync($"/api/crm/contracts/{id}", HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { }, HttpStatusCode.NotFound);
        await other.GetJsonAsync($"/api/crm/customers/{customerId}", HttpStatusCode.NotFound);
        (await other.PostJsonAsync("/api/crm/contracts", Contract(customerId), HttpStatusCode.NotFound)).Str("code").ShouldBe("Kernel:EntityNotFound");
    }

    private async Task<HttpClient> LoginInSameTenantAsync(HttpClient admin, string userName)
    {
        var me = await admin.GetJsonAsync("/api/account/me");
        return await app.LoginAsync(me.Str("tenantName"), userName, "Passw0rd!");
    }
}
