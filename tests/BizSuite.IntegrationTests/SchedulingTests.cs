using Quartz;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Recurring schedules run through Quartz, clustered on the suite's own database.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchedulingTests(BizSuiteFactory app)
{
    [Fact]
    public async Task The_nightly_receivable_review_is_stored_in_quartz_and_enqueues_a_review_job_per_tenant_with_money_to_collect()
    {
        // The host stores its schedules in the background once it has started (off the readiness path).
        const string trigger = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'finance-receivable-review' AND TRIGGER_TYPE = 'CRON'";
        var stored = DateTime.UtcNow.AddSeconds(20);
        while (await app.ScalarAsync(trigger) == 0 && DateTime.UtcNow < stored) await Task.Delay(200);
        (await app.ScalarAsync(trigger)).ShouldBe(1);

        var signed = await SignedContract.CreateAsync(app);
        var tenantId = (await signed.Admin.GetJsonAsync("/api/account/me")).Str("tenantId");
        var scheduler = await app.Service<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("finance-receivable-review"));

        const string sql = "SELECT COUNT(*) FROM kernel_background_jobs WHERE TenantId = @t AND JobName LIKE '%.ReviewReceivables'";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.ScalarAsync(sql, ("@t", tenantId)) == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        (await app.ScalarAsync(sql, ("@t", tenantId))).ShouldBe(1);
    }
}
