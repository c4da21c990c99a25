using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class CrmSalesTests(BizSuiteFactory app)
{
    private const string ValidCreditCode = "91350100M000100Y43";

    private static object Lead(string name = "苏州某某制造有限公司") => new
    {
        name, contactPerson = "陈总", phone = "13900000000", email = "chen@example.cn", source = "Exhibition", notes = "展会名片",
    };

    private async Task<HttpClient> AdminOfNewTenantAsync()
    {
        var tenant = await app.CreateTenantAsync("s");
        return await app.LoginAsync(tenant, "admin", "Admin123!");
    }

    [Fact]
    public async Task Qualifying_a_lead_creates_customer_contact_and_opportunity_in_one_go_and_only_once()
    {
        var admin = await AdminOfNewTenantAsync();
        var lead = await admin.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Created);
        lead.Str("status").ShouldBe("New");
        var me = await admin.GetJsonAsync("/api/account/me");
        lead.Str("ownerId").ShouldBe(me.Str("id"));
        var id = lead.Str("id");

        var qualified = await admin.PostJsonAsync($"/api/crm/leads/{id}/qualify",
            new { opportunityName = "MES 系统", amount = 250000m, expectedCloseDate = "2027-03-31", creditCode = ValidCreditCode });

        qualified.Str("status").ShouldBe("Qualified");
        var customerId = qualified.Str("customerId");
        var customer = await admin.GetJsonAsync($"/api/crm/customers/{customerId}");
        (customer.Str("name"), customer.Str("creditCode")).ShouldBe(("苏州某某制造有限公司", ValidCreditCode));
        var contact = (await admin.GetJsonAsync($"/api/crm/contacts?customerId={customerId}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (contact.Str("name"), contact.Str("email"), contact.GetProperty("isPrimary").GetBoolean()).ShouldBe(("陈总", "chen@example.cn", true));
        var opportunity = await admin.GetJsonAsync($"/api/crm/opportunities/{qualified.Str("opportunityId")}");
        (opportunity.Str("name"), opportunity.GetProperty("amount").GetDecimal(), opportunity.Str("stage"), opportunity.Str("currency"))
            .ShouldBe(("MES 系统", 250000m, "Prospecting", "CNY"));
        opportunity.Str("customerId").ShouldBe(customerId);
        opportunity.Str("ownerId").ShouldBe(me.Str("id"));

        var twice = await admin.PostJsonAsync($"/api/crm/leads/{id}/qualify", new { }, HttpStatusCode.Conflict);
        twice.Str("code").ShouldBe("Crm:LeadAlreadyQualified");
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_customers WHERE Name = '苏州某某制造有限公司' AND TenantId = (SELECT TenantId FROM crm_leads WHERE Id = @id)", ("@id", id)))
            .ShouldBe(1);
        var journal = await admin.GetJsonAsync($"/api/audit/events?aggregateId={id}");
        journal.GetProperty("items").EnumerateArray().Select(e => e.Str("eventType")).ShouldBe(["LeadCreated", "LeadQualified"]);
    }

    [Fact]
    public async Task Qualifying_with_a_bad_credit_code_is_a_field_error_and_writes_nothing()
    {
        var admin = await AdminOfNewTenantAsync();
        var name = $"坏代码公司{Guid.NewGuid():N}"[..12];
        var id = (await admin.PostJsonAsync("/api/crm/leads", Lead(name), HttpStatusCode.Created)).Str("id");

        var refused = await admin.PostJsonAsync($"/api/crm/leads/{id}/qualify", new { creditCode = "91350100M000100Y44" }, HttpStatusCode.BadRequest);

        refused.Str("code").ShouldBe("Crm:InvalidCreditCode");
        refused.FieldErrors("creditCode").ShouldNotBeEmpty();
        (await admin.GetJsonAsync($"/api/crm/leads/{id}")).Str("status").ShouldBe("New");
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_customers WHERE Name = @name", ("@name", name))).ShouldBe(0);
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_contacts c JOIN crm_leads l ON l.TenantId = c.TenantId WHERE l.Id = @id", ("@id", id))).ShouldBe(0);
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_opportunities o JOIN crm_leads l ON l.TenantId = o.TenantId WHERE l.Id = @id", ("@id", id))).ShouldBe(0);
    }

    [Fact]
    public async Task Two_concurrent_qualifies_of_one_lead_create_one_customer()
    {
        var admin = await AdminOfNewTenantAsync();
        var name = $"并发公司{Guid.NewGuid():N}"[..12];
        var id = (await admin.PostJsonAsync("/api/crm/leads", Lead(name), HttpStatusCode.Created)).Str("id");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsync($"/api/crm/leads/{id}/qualify", null)));

        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_customers WHERE Name = @name", ("@name", name))).ShouldBe(1);
        (await app.ScalarAsync("SELECT COUNT(*) FROM crm_opportunities WHERE Name = @name", ("@name", name))).ShouldBe(1);
    }

    [Fact]
    public async Task A_disqualified_lead_keeps_its_reason_and_cannot_be_qualified()
    {
        var admin = await AdminOfNewTenantAsync();
        var id = (await admin.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Created)).Str("id");

        (await admin.PostJsonAsync($"/api/crm/leads/{id}/disqualify", new { reason = "" }, HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        (await admin.PostJsonAsync($"/api/crm/leads/{id}/disqualify", new { reason = "没有预算" })).Str("disqualificationReason").ShouldBe("没有预算");
        (await admin.PostJsonAsync($"/api/crm/leads/{id}/qualify", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Crm:LeadClosed");
    }

    [Fact]
    public async Task Leads_are_validated_and_listed_by_status()
    {
        var admin = await AdminOfNewTenantAsync();
        var bad = await admin.PostJsonAsync("/api/crm/leads", new { name = "", contactPerson = "x", email = "not-an-email", source = "Website" }, HttpStatusCode.BadRequest);
        bad.FieldErrors("name").ShouldNotBeEmpty();
        bad.FieldErrors("email").ShouldNotBeEmpty();
        (await admin.PostJsonAsync("/api/crm/leads", new { name = "x", contactPerson = "x", source = "Website", status = "Qualified" }, HttpStatusCode.BadRequest))
            .FieldErrors("status").ShouldNotBeEmpty();

        await admin.PostJsonAsync("/api/crm/leads", Lead("甲"), HttpStatusCode.Created);
        var second = await admin.PostJsonAsync("/api/crm/leads", Lead("乙"), HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/crm/leads/{second.Str("id")}", new { name = "乙", contactPerson = "王", source = "Referral", status = "Contacted" });

        var contacted = await admin.GetJsonAsync("/api/crm/leads?status=Contacted");
        contacted.GetProperty("items").EnumerateArray().Select(l => l.Str("name")).ShouldBe(["乙"]);
        (await admin.GetJsonAsync("/api/crm/leads?sort=name")).GetProperty("totalCount").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Opportunities_move_through_the_stages_on_the_kanban_and_won_or_lost_is_final()
    {
        var admin = await AdminOfNewTenantAsync();
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "广州某某物流" }, HttpStatusCode.Created)).Str("id");
        var first = await admin.PostJsonAsync("/api/crm/opportunities", new { customerId, name = "仓储系统", amount = 80000m }, HttpStatusCode.Created);
        var second = await admin.PostJsonAsync("/api/crm/opportunities", new { customerId, name = "运输系统", amount = 50000m, probability = 15 }, HttpStatusCode.Created);
        (first.Str("stage"), first.GetProperty("probability").GetInt32(), first.Str("customerName")).ShouldBe(("Prospecting", 10, "广州某某物流"));
        second.GetProperty("probability").GetInt32().ShouldBe(15);

        var moved = await admin.PostJsonAsync($"/api/crm/opportunities/{first.Str("id")}/move", new { stage = "Negotiation" });
        (moved.Str("stage"), moved.GetProperty("probability").GetInt32()).ShouldBe(("Negotiation", 80));

        var noReason = await admin.PostJsonAsync($"/api/crm/opportunities/{second.Str("id")}/move", new { stage = "Lost" }, HttpStatusCode.BadRequest);
        (noReason.Str("code"), noReason.FieldErrors("lostReason").Length).ShouldBe(("Crm:LostReasonRequired", 1));
        var chinese = await app.LoginAsync((await admin.GetJsonAsync("/api/account/me")).Str("tenantName"), "admin", "Admin123!", "zh-CN");
        (await chinese.PostJsonAsync($"/api/crm/opportunities/{second.Str("id")}/move", new { stage = "Lost" }, HttpStatusCode.BadRequest))
            .FieldErrors("lostReason").ShouldBe(["请填写输单原因。"]);
        await admin.PostJsonAsync($"/api/crm/opportunities/{second.Str("id")}/move", new { stage = "Lost", lostReason = "预算取消" });
        var reopened = await admin.PostJsonAsync($"/api/crm/opportunities/{second.Str("id")}/move", new { stage = "Proposal" }, HttpStatusCode.Conflict);
        (reopened.Str("code"), reopened.Str("detail")).ShouldBe(("Crm:OpportunityClosed", "Opportunity \"运输系统\" is lost; a won or lost opportunity cannot be changed."));
        (await chinese.PostJsonAsync($"/api/crm/opportunities/{second.Str("id")}/move", new { stage = "Proposal" }, HttpStatusCode.Conflict))
            .Str("detail").ShouldBe("商机“运输系统”当前阶段为输单，赢单或输单的商机不能再修改。");
        await admin.PostJsonAsync($"/api/crm/opportunities/{first.Str("id")}/move", new { stage = "Won" });
        await admin.PostJsonAsync($"/api/crm/opportunities/{first.Str("id")}/move", new { stage = "Negotiation" }, HttpStatusCode.Conflict);
        await admin.PostJsonAsync($"/api/crm/opportunities/{first.Str("id")}/move", new { stage = "Nowhere" }, HttpStatusCode.BadRequest);

        var journal = await admin.GetJsonAsync($"/api/audit/events?aggregateId={first.Str("id")}");
        journal.GetProperty("items").EnumerateArray().Select(e => e.Str("eventType")).ShouldBe(["OpportunityOpened", "OpportunityStageChanged", "OpportunityStageChanged"]);
        var won = await admin.GetJsonAsync($"/api/crm/opportunities?customerId={customerId}&stage=Won");
        won.GetProperty("items").EnumerateArray().Select(o => (o.Str("name"), o.GetProperty("probability").GetInt32())).ShouldBe([("仓储系统", 100)]);
    }

    [Fact]
    public async Task Contacts_need_a_name_a_valid_email_and_a_customer_of_the_tenant_and_one_is_primary()
    {
        var admin = await AdminOfNewTenantAsync();
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "深圳某某电子" }, HttpStatusCode.Created)).Str("id");

        var bad = await admin.PostJsonAsync("/api/crm/contacts", new { customerId, name = "", email = "nope" }, HttpStatusCode.BadRequest);
        bad.FieldErrors("name").ShouldNotBeEmpty();
        bad.FieldErrors("email").ShouldNotBeEmpty();
        (await admin.PostJsonAsync("/api/crm/contacts", new { customerId = Guid.NewGuid(), name = "李" }, HttpStatusCode.NotFound))
            .Str("code").ShouldBe("Kernel:EntityNotFound");

        var first = await admin.PostJsonAsync("/api/crm/contacts", new { customerId, name = "李工", position = "IT 经理", isPrimary = true }, HttpStatusCode.Created);
        first.Str("customerName").ShouldBe("深圳某某电子");
        await admin.PostJsonAsync("/api/crm/contacts", new { customerId, name = "周总", position = "总经理", email = "zhou@example.cn", isPrimary = true }, HttpStatusCode.Created);

        var contacts = await admin.GetJsonAsync($"/api/crm/contacts?customerId={customerId}");
        contacts.GetProperty("items").EnumerateArray().Select(c => (c.Str("name"), c.GetProperty("isPrimary").GetBoolean()))
            .ShouldBe([("周总", true), ("李工", false)]);
    }

    [Fact]
    public async Task Activities_are_logged_on_a_lead_and_listed_newest_first()
    {
        var admin = await AdminOfNewTenantAsync();
        var leadId = (await admin.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Created)).Str("id");

        await admin.PostJsonAsync("/api/crm/activities",
            new { type = "Call", subject = "首次电话", occurredAt = "2026-11-20T02:00:00Z", regardingType = "Lead", regardingId = leadId }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/crm/activities",
            new { type = "Visit", subject = "上门拜访", notes = "看了产线", regardingType = "Lead", regardingId = leadId }, HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/crm/activities", new { type = "Note", subject = "", regardingType = "Lead", regardingId = leadId }, HttpStatusCode.BadRequest))
            .FieldErrors("subject").ShouldNotBeEmpty();
        await admin.PostJsonAsync("/api/crm/activities",
            new { type = "Note", subject = "x", regardingType = "Opportunity", regardingId = leadId }, HttpStatusCode.NotFound);

        var list = await admin.GetJsonAsync($"/api/crm/activities?regardingType=Lead&regardingId={leadId}");
        list.GetProperty("items").EnumerateArray().Select(a => a.Str("subject")).ShouldBe(["上门拜访", "首次电话"]);
        list.GetProperty("items")[0].Str("createdBy").ShouldBe((await admin.GetJsonAsync("/api/account/me")).Str("id"));
    }

    [Fact]
    public async Task A_signed_contract_is_completed_or_terminated_with_a_reason()
    {
        var admin = await AdminOfNewTenantAsync();
        var customerId = (await admin.PostJsonAsync("/api/crm/customers", new { name = "成都某某软件" }, HttpStatusCode.Created)).Str("id");
        async Task<string> SignedAsync()
        {
            var id = (await admin.PostJsonAsync("/api/crm/contracts", new
            {
                title = "运维服务", customerId,
                lines = new[] { new { description = "年度运维", quantity = 1m, unitPrice = 10000m, discountRate = 0m, vatRate = 0.06m } },
            }, HttpStatusCode.Created)).Str("id");
            (await admin.PostJsonAsync($"/api/crm/contracts/{id}/complete", new { }, HttpStatusCode.Conflict)).Str("code").ShouldBe("Crm:ContractStatusNotAllowed");
            await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
            await SignedContract.ApproveAsync(admin, id);
            await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });
            return id;
        }

        var completed = await SignedAsync();
        (await admin.PostJsonAsync($"/api/crm/contracts/{completed}/complete", new { })).Str("status").ShouldBe("Completed");
        await admin.PostJsonAsync($"/api/crm/contracts/{completed}/terminate", new { reason = "x" }, HttpStatusCode.Conflict);

        var terminated = await SignedAsync();
        (await admin.PostJsonAsync($"/api/crm/contracts/{terminated}/terminate", new { reason = " " }, HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        var done = await admin.PostJsonAsync($"/api/crm/contracts/{terminated}/terminate", new { reason = "客户取消项目" });
        (done.Str("status"), done.Str("terminationReason")).ShouldBe(("Terminated", "客户取消项目"));

        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType = 'ContractCompleted' AND AggregateId = @id", ("@id", completed))).ShouldBe(1);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE EventType = 'ContractTerminated' AND AggregateId = @id", ("@id", terminated))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_leads_contacts_opportunities_and_activities()
    {
        var admin = await AdminOfNewTenantAsync();
        var leadId = (await admin.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Created)).Str("id");
        var qualified = await admin.PostJsonAsync($"/api/crm/leads/{leadId}/qualify", new { });
        var customerId = qualified.Str("customerId");
        var opportunityId = qualified.Str("opportunityId");
        var contactId = (await admin.GetJsonAsync($"/api/crm/contacts?customerId={customerId}")).GetProperty("items")[0].Str("id");
        var other = await AdminOfNewTenantAsync();

        await other.GetJsonAsync($"/api/crm/leads/{leadId}", HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/crm/leads/{leadId}/disqualify", new { reason = "x" }, HttpStatusCode.NotFound);
        await other.GetJsonAsync($"/api/crm/contacts/{contactId}", HttpStatusCode.NotFound);
        await other.PutJsonAsync($"/api/crm/contacts/{contactId}", new { customerId, name = "x" }, HttpStatusCode.NotFound);
        await other.PostJsonAsync("/api/crm/contacts", new { customerId, name = "x" }, HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/crm/opportunities/{opportunityId}/move", new { stage = "Proposal" }, HttpStatusCode.NotFound);
        await other.PostJsonAsync("/api/crm/activities", new { type = "Note", subject = "x", regardingType = "Customer", regardingId = customerId }, HttpStatusCode.NotFound);
        (await other.GetJsonAsync($"/api/crm/opportunities?customerId={customerId}")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_user_without_the_permission_gets_403()
    {
        var admin = await AdminOfNewTenantAsync();
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "viewer" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions",
            new { grantedPermissions = new[] { "Crm.Leads", "Crm.Opportunities", "Crm.Contracts" } }, HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "zhao", email = "zhao@example.cn", name = "赵", password = "Passw0rd!", isActive = true, roleNames = new[] { "viewer" } }, HttpStatusCode.Created);
        var me = await admin.GetJsonAsync("/api/account/me");
        var viewer = await app.LoginAsync(me.Str("tenantName"), "zhao", "Passw0rd!");
        var leadId = (await admin.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Created)).Str("id");

        (await viewer.GetJsonAsync("/api/crm/leads")).GetProperty("totalCount").GetInt64().ShouldBe(1);
        await viewer.PostJsonAsync("/api/crm/leads", Lead(), HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/crm/leads/{leadId}/qualify", new { }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/crm/opportunities/{Guid.NewGuid()}/move", new { stage = "Won" }, HttpStatusCode.Forbidden);
        await viewer.GetJsonAsync("/api/crm/contacts", HttpStatusCode.Forbidden);
        await viewer.GetJsonAsync("/api/crm/activities", HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/crm/contracts/{Guid.NewGuid()}/terminate", new { reason = "x" }, HttpStatusCode.Forbidden);
    }
}
