using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Insights;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Plugins.RobotNotifier.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Plugins.RobotNotifier;

/// <summary>Posts one event's message to one robot.</summary>
public sealed record SendRobotMessage(Guid RobotId, RobotEvent Event, RobotText Text);

/// <summary>The tenant's wording: its default language and, when set, the suite's address for links back to the document.</summary>
internal sealed record Wording(bool Chinese, string LinkBaseUrl)
{
    public string T(string zh, string en) => Chinese ? zh : en;

    public string Line(string zhLabel, string enLabel, string value) => $"**{T(zhLabel, enLabel)}**{T("：", ": ")}{value}";

    public IEnumerable<string> Link(string path, string zh, string en) =>
        LinkBaseUrl.Length == 0 ? [] : [$"[{T(zh, en)}]({LinkBaseUrl.TrimEnd('/')}/{path})"];

    public static string Money(string currency, decimal amount) => $"{currency} {amount:N2}";
}

/// <summary>
/// Runs inside the business transaction and only enqueues a job per interested robot (outbox):
/// the group hears about the event if and only if it committed.
/// </summary>
internal sealed class RobotAnnouncer(RobotNotifierDbContext db, JobQueue jobs, SettingStore settings, TenantCache cache, ICurrentTenant currentTenant)
{
    public const string LinkBaseUrlSetting = "RobotNotifier.LinkBaseUrl";
    /// <summary>A tenant's enabled robots, asked for by every announced event; dropped by <see cref="RobotNotifierDbContext"/> on any change.</summary>
    public const string CacheRegion = "robot-notifier-robots";

    public async Task AnnounceAsync(RobotEvent robotEvent, Func<Wording, RobotText> compose, CancellationToken ct)
    {
        var enabled = await cache.GetOrCreateAsync(CacheRegion, currentTenant.Id, "", async () =>
            (IReadOnlyList<(Guid Id, IReadOnlyList<RobotEvent> Events)>)(await db.Robots.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct))
                .Select(r => (r.Id, (IReadOnlyList<RobotEvent>)r.Events)).ToList());
        var robots = enabled.Where(r => r.Events.Contains(robotEvent)).ToList();
        if (robots.Count == 0) return;
        var text = compose(await WordingAsync(ct));
        foreach (var robot in robots) jobs.Enqueue(new SendRobotMessage(robot.Id, robotEvent, text));
    }

    public async Task<Wording> WordingAsync(CancellationToken ct) => new(
        (await settings.GetAsync(KernelSettings.DefaultLanguage, ct)).StartsWith("zh", StringComparison.OrdinalIgnoreCase),
        await settings.GetAsync(LinkBaseUrlSetting, ct));
}

[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class AnnounceWhenContractSigned(RobotAnnouncer announcer) : IDomainEventHandler<ContractSigned>
{
    public Task HandleAsync(ContractSigned e, CancellationToken ct) => announcer.AnnounceAsync(RobotEvent.ContractSigned, w => new RobotText(
        w.T($"合同已签订：{e.ContractNumber}", $"Contract signed: {e.ContractNumber}"),
        [
            w.Line("合同编号", "Contract", e.ContractNumber),
            w.Line("客户", "Customer", e.CustomerName),
            w.Line("合同金额", "Amount", Wording.Money(e.Currency, e.GrossTotal)),
            w.Line("签订日期", "Signed on", e.SignedOn.ToString("yyyy-MM-dd")),
            .. w.Link($"crm/contracts/{e.ContractId}", "查看合同", "Open the contract"),
        ]), ct);
}

/// <summary>The payment that settles an invoice in full; partial payments are not announced.</summary>
[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class AnnounceWhenInvoicePaid(RobotAnnouncer announcer) : IDomainEventHandler<PaymentRecorded>
{
    public Task HandleAsync(PaymentRecorded e, CancellationToken ct) => !e.InvoicePaid ? Task.CompletedTask : announcer.AnnounceAsync(RobotEvent.InvoicePaid, w => new RobotText(
        w.T($"发票已收款：{e.InvoiceNumber}", $"Invoice paid: {e.InvoiceNumber}"),
        [
            w.Line("发票编号", "Invoice", e.InvoiceNumber),
            .. e.ContractNumber is null ? [] : new[] { w.Line("合同编号", "Contract", e.ContractNumber) },
            .. e.CustomerName is null ? [] : new[] { w.Line("客户", "Customer", e.CustomerName) },
            w.Line("本次收款", "Payment", Wording.Money(e.Currency, e.Amount)),
            w.Line("收款日期", "Received on", e.ReceivedOn.ToString("yyyy-MM-dd")),
            w.Line("收款方式", "Method", e.Method switch
            {
                PaymentMethod.BankTransfer => w.T("银行转账", "Bank transfer"),
                PaymentMethod.Cash => w.T("现金", "Cash"),
                _ => "Stripe",
            }),
        ]), ct);
}

[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class AnnounceWhenApprovalWaiting(RobotAnnouncer announcer) : IDomainEventHandler<ApprovalStepAssigned>
{
    public Task HandleAsync(ApprovalStepAssigned e, CancellationToken ct) => announcer.AnnounceAsync(RobotEvent.ApprovalWaiting, w => new RobotText(
        w.T($"待审批：{e.Title}", $"Waiting for approval: {e.Title}"),
        [
            w.Line("单据", "Document", $"{DocumentType(w, e.DocumentType)} {e.DocumentNumber}"),
            w.Line("审批步骤", "Step", w.T($"第 {e.StepNumber} 步", $"step {e.StepNumber}")),
            w.Line("待审批人数", "Approvers", e.ApproverUserIds.Count.ToString()),
            .. w.Link($"oa/approvals/{e.ApprovalId}", "去审批", "Open the approval"),
        ]), ct);

    private static string DocumentType(Wording w, string type) => type switch
    {
        ApprovalDocumentTypes.Contract => w.T("合同", "Contract"),
        ApprovalDocumentTypes.ExpenseClaim => w.T("报销单", "Expense claim"),
        ApprovalDocumentTypes.LeaveRequest => w.T("请假单", "Leave request"),
        ApprovalDocumentTypes.Offer => w.T("录用通知", "Offer"),
        ApprovalDocumentTypes.PurchaseRequest => w.T("采购申请", "Purchase request"),
        _ => type,
    };
}

/// <summary>A process KPI missed its target: once per KPI and period, as Insights raises it.</summary>
[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class AnnounceWhenKpiBreached(RobotAnnouncer announcer) : IDomainEventHandler<KpiBreached>
{
    public Task HandleAsync(KpiBreached e, CancellationToken ct) => announcer.AnnounceAsync(RobotEvent.KpiBreached, w => new RobotText(
        w.T($"流程指标未达标：{e.Key}", $"KPI missed its target: {e.Key}"),
        [
            w.Line("指标", "KPI", e.Key),
            w.Line("周期", "Period", $"{Period(w, e.Period)} {e.PeriodStart:yyyy-MM-dd}"),
            w.Line("实际", "Value", Figure(w, e.Value, e.Unit)),
            w.Line(e.Direction == "max" ? "目标（不高于）" : "目标（不低于）", e.Direction == "max" ? "Target (at most)" : "Target (at least)", Figure(w, e.Target, e.Unit)),
            .. w.Link($"insights/{e.Process}?kpi={e.Key}", "查看流程洞察", "Open the dashboard"),
        ]), ct);

    private static string Period(Wording w, string period) => period switch
    {
        "day" => w.T("日", "day"),
        "week" => w.T("周", "week"),
        "month" => w.T("月", "month"),
        _ => period,
    };

    private static string Figure(Wording w, decimal value, string unit) => unit switch
    {
        "hours" => w.T($"{value:0.##} 小时", $"{value:0.##} hours"),
        "days" => w.T($"{value:0.##} 天", $"{value:0.##} days"),
        "percent" => $"{value:0.##}%",
        _ => $"{value:0.##}",
    };
}

/// <summary>
/// Posts the message; a refused post (non-2xx or errcode ≠ 0) fails the job so the job store retries it with backoff.
/// Each try is logged: a success in the job's transaction, a failure in its own (the job's rolls back).
/// </summary>
internal sealed class SendRobotMessageJob(RobotNotifierDbContext db, RobotClient client, UnitOfWorkRunner runner, TimeProvider clock)
    : IBackgroundJob<SendRobotMessage>
{
    public async Task ExecuteAsync(SendRobotMessage args, CancellationToken ct)
    {
        var robot = await db.Robots.AsNoTracking().FirstOrDefaultAsync(r => r.Id == args.RobotId, ct);
        if (robot is null || !robot.Enabled) return; // deleted or switched off since the event
        var result = await client.SendAsync(robot, args.Text, ct);
        var message = new RobotMessage(robot.Id, args.Event.ToString(), args.Text.Title,
            result.Ok ? RobotMessageStatus.Sent : RobotMessageStatus.Failed, result.Response, clock.GetUtcNow().UtcDateTime);
        if (result.Ok)
        {
            db.Messages.Add(message);
            return;
        }
        await runner.RunAsync((sp, _) =>
        {
            sp.GetRequiredService<RobotNotifierDbContext>().Messages.Add(message);
            return Task.CompletedTask;
        }, ct);
        throw new InvalidOperationException($"Robot {robot.Name} refused the message: {result.Response}");
    }
}
