using System.Net;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Record timelines (chatter) over HTTP: events, activities and comments of one record, paged backwards, seen only by who may see the record.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordTimelineTests(BizSuiteFactory app)
{
    private static string Timeline(string customerId, string query = "") => $"/api/oa/timeline/crm.customer/{customerId}{query}";

    private static async Task<string> CustomerAsync(HttpClient admin, string name) =>
        (await admin.PostJsonAsync("/api/crm/customers", new { name }, HttpStatusCode.Created)).Str("id");

    private static async Task<Guid> UserAsync(HttpClient admin, string tenant, string userName, params string[] roles) =>
        Guid.Parse((await admin.PostJsonAsync("/api/identity/users", new
        {
            userName, email = $"{userName}@{tenant}.test", name = userName.ToUpperInvariant(), password = "Passw0rd!", isActive = true, roleNames = roles,
        }, HttpStatusCode.Created)).Str("id"));

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_customer_timeline_shows_its_own_events_activities_and_comments_newest_first()
    {
        var tenant = await app.CreateTenantAsync("tl");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var mine = await CustomerAsync(admin, "杭州东方贸易有限公司");
        var other = await CustomerAsync(admin, "宁波西湖外贸有限公司");
        await admin.PutJsonAsync($"/api/crm/customers/{mine}", new { name = "杭州东方贸易股份有限公司" });
        await admin.PostJsonAsync("/api/crm/activities", new { type = "Call", subject = "电话回访", regardingType = "Customer", regardingId = mine }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{mine}/comments", new { text = "下周去拜访" }, HttpStatusCode.Created);

        var items = Items(await admin.GetJsonAsync(Timeline(mine)));
        items.Select(i => (i.Str("kind"), i.Str("type"))).ShouldBe(
            [("Comment", "Comment"), ("Activity", "Call"), ("Event", "CustomerUpdated"), ("Event", "CustomerCreated")]);
        items[0].Str("text").ShouldBe("下周去拜访");
        items[1].Str("text").ShouldBe("电话回访");
        items[2].GetProperty("data").Str("name").ShouldBe("杭州东方贸易股份有限公司");
        items.ShouldAllBe(i => i.Str("userName") == "admin" || i.Str("userName").Length > 0, "each line names who did it");
        items.Select(i => i.GetProperty("at").GetDateTime()).ShouldBeInOrder(SortDirection.Descending);

        var others = Items(await admin.GetJsonAsync(Timeline(other)));
        others.Select(i => i.Str("type")).ShouldBe(["CustomerCreated"]);
        others[0].GetProperty("data").Str("customerId").ShouldBe(other);
    }

    [Fact]
    public async Task The_timeline_pages_backwards_without_gaps_or_repeats()
    {
        var tenant = await app.CreateTenantAsync("tl");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = await CustomerAsync(admin, "上海分页测试有限公司");
        for (var i = 0; i < 12; i++)
            await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments", new { text = $"第 {i} 条" }, HttpStatusCode.Created);
        for (var i = 0; i < 6; i++)
            await admin.PutJsonAsync($"/api/crm/customers/{customer}", new { name = $"上海分页测试有限公司 {i}" });

        var seen = new List<JsonElement>();
        string? before = null;
        var pages = 0;
        do
        {
            var page = await admin.GetJsonAsync(Timeline(customer, $"?take=5{(before is null ? "" : $"&before={before}")}"));
            var items = Items(page);
            items.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(items);
            before = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.Str("next");
            pages++;
        } while (before is not null);

        pages.ShouldBe(4);
        seen.Count.ShouldBe(19, "12 comments, 6 updates and the creation");
        seen.Select(i => i.Str("id")).Distinct().Count().ShouldBe(19);
        seen.Select(i => i.GetProperty("at").GetDateTime()).ShouldBeInOrder(SortDirection.Descending);
        seen[^1].Str("type").ShouldBe("CustomerCreated");
        (await admin.GetJsonAsync(Timeline(customer, "?before=yesterday"), HttpStatusCode.BadRequest)).FieldErrors("before").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Another_tenants_record_or_an_id_that_names_nothing_is_404_and_a_user_who_may_not_see_customers_is_refused()
    {
        var tenant = await app.CreateTenantAsync("tl");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = await CustomerAsync(admin, "深圳保密客户有限公司");
        await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments", new { text = "内部备注" }, HttpStatusCode.Created);

        var stranger = await app.LoginAsync(await app.CreateTenantAsync("tl"), "admin", "Admin123!");
        await stranger.GetJsonAsync(Timeline(customer), HttpStatusCode.NotFound);
        await stranger.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments", new { text = "别人的客户" }, HttpStatusCode.NotFound);
        await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{Guid.NewGuid()}/comments", new { text = "无此客户" }, HttpStatusCode.NotFound);
        await admin.PostJsonAsync($"/api/oa/timeline/crm.contract/{customer}/comments", new { text = "客户不是合同" }, HttpStatusCode.NotFound);

        await UserAsync(admin, tenant, "clerk", "member");
        var clerk = await app.LoginAsync(tenant, "clerk", "Passw0rd!");
        (await clerk.GetJsonAsync(Timeline(customer), HttpStatusCode.Forbidden)).Str("code").ShouldBe("Oa:RecordNotVisible");
        (await clerk.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments", new { text = "越权" }, HttpStatusCode.Forbidden))
            .Str("code").ShouldBe("Oa:RecordNotVisible");
        await admin.GetJsonAsync($"/api/oa/timeline/crm.nothing/{customer}", HttpStatusCode.NotFound);
        (await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments", new { text = "" }, HttpStatusCode.BadRequest))
            .FieldErrors("text").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_mention_notifies_the_mentioned_user_with_a_link_to_the_record_and_only_users_who_may_see_it_can_be_mentioned()
    {
        var tenant = await app.CreateTenantAsync("tl");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "sales" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Crm.Customers" } }, HttpStatusCode.NoContent);
        var wangId = await UserAsync(admin, tenant, "wang", "sales", "member");
        var wanfangId = await UserAsync(admin, tenant, "wanfang", "member"); // may not see customers
        var customer = await CustomerAsync(admin, "苏州提醒测试有限公司");

        var people = (await admin.GetJsonAsync("/api/oa/timeline/crm.customer/people?filter=wan")).EnumerateArray().ToList();
        people.Select(p => p.Str("id")).ShouldBe([wangId.ToString()], "only who may see customers can be mentioned on one");
        await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments",
            new { text = "@WANG 请跟进报价", mentionedUserIds = new[] { wangId } }, HttpStatusCode.Created);
        (await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments",
            new { text = "无此人", mentionedUserIds = new[] { Guid.NewGuid() } }, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Oa:UnknownUser");
        var blind = await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments",
            new { text = "@WANFANG 看一下", mentionedUserIds = new[] { wanfangId } }, HttpStatusCode.UnprocessableEntity);
        blind.Str("code").ShouldBe("Oa:MentionCannotSeeRecord");
        blind.Str("detail").ShouldContain("WANFANG");
        await admin.GetJsonAsync("/api/oa/timeline/crm.nothing/people?filter=wan", HttpStatusCode.NotFound);

        var wang = await app.LoginAsync(tenant, "wang", "Passw0rd!");
        var notifications = Items(await wang.GetJsonAsync("/api/oa/notifications"));
        notifications.Count.ShouldBe(1);
        notifications[0].Str("kind").ShouldBe("Mentioned");
        notifications[0].Str("title").ShouldContain("请跟进报价");
        notifications[0].Str("link").ShouldBe($"/crm/customers/{customer}");
        Items(await admin.GetJsonAsync("/api/oa/notifications")).ShouldBeEmpty("the author is not notified");
    }

    [Fact]
    public async Task Files_attach_to_comments_within_the_edition_storage_and_are_refused_beyond_it()
    {
        var edition = $"Tiny{Guid.NewGuid():N}"[..16];
        await app.ScalarAsync("INSERT INTO saas_editions (Id, Name, Modules, MaxUsers, MaxStorageMb, MonthlyPrice, Currency, `Rank`) " +
            "VALUES (UUID(), @n, 'Crm,Oa', 5, 1, 0, 'CNY', 9)", ("@n", edition));
        var tenant = await app.CreateTenantAsync("tl");
        var host = await app.HostAdminAsync();
        var tenantId = Items(await host.GetJsonAsync($"/api/saas/tenants?filter={tenant}"))[0].Str("id");
        await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition });
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var customer = await CustomerAsync(admin, "无锡附件测试有限公司");

        var quotation = new byte[600 * 1024];
        quotation[0] = 42;
        var file = await admin.UploadAsync("/api/oa/timeline/attachments", quotation, "报价单.pdf", HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/oa/timeline/crm.customer/{customer}/comments",
            new { attachmentIds = new[] { file.Str("id") } }, HttpStatusCode.Created);
        (await admin.UploadAsync("/api/oa/timeline/attachments", quotation, "报价单2.pdf", HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("Saas:StorageLimitReached");

        var comment = Items(await admin.GetJsonAsync(Timeline(customer)))[0];
        comment.GetProperty("files")[0].Str("fileName").ShouldBe("报价单.pdf");
        (await admin.GetByteArrayAsync($"/api/oa/timeline/attachments/{file.Str("id")}")).ShouldBe(quotation);
        var stranger = await app.LoginAsync(await app.CreateTenantAsync("tl"), "admin", "Admin123!");
        (await stranger.GetAsync($"/api/oa/timeline/attachments/{file.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
