using System.Diagnostics;
using System.Security.Claims;
using BizSuite.Crm;
using BizSuite.Crm.Contracts;
using BizSuite.Crm.Leads;
using BizSuite.Crm.Opportunities;
using BizSuite.Finance;
using BizSuite.Finance.Invoices;
using BizSuite.Finance.Payables;
using BizSuite.Finance.Payments;
using BizSuite.Hr;
using BizSuite.Hr.Expenses;
using BizSuite.Hr.Leave;
using BizSuite.Hr.Recruitment;
using BizSuite.Identity;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Tasks;
using BizSuite.Orders;
using BizSuite.Orders.SalesOrders;
using BizSuite.Saas;

namespace BizSuite.Host;

/// <summary>
/// The time the demo history's steps happen at: real time, except inside <see cref="Freeze"/> on the same async flow.
/// An AsyncLocal rather than a settable offset, so requests served meanwhile keep the real time.
/// </summary>
public sealed class HistoryClock : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Frozen = new();

    public override DateTimeOffset GetUtcNow() => Frozen.Value ?? base.GetUtcNow();

    public IDisposable Freeze(DateTimeOffset at)
    {
        var before = Frozen.Value;
        Frozen.Value = at;
        return new Restore(() => Frozen.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>
/// Twelve months of the demo company's business, relative to today and the same on every run (fixed random seed):
/// leads, opportunities in every stage, contracts in every state (some collections overdue), deliveries and payments,
/// approvals that took hours or days, a recruitment round, leave and expense claims, and work waiting in every demo
/// user's inbox. Every step is a call of a module's application service, as its endpoint makes it, by the demo user who
/// would do it, in a unit of work of its own with the clock set to when it happened: so the journal, the vouchers, the
/// document chains and the process figures are the suite's own. Skipped with <c>Seed:DemoData=false</c>.
/// </summary>
internal sealed class DemoHistory
{
    private readonly List<Step> _steps = [];
    private readonly Random _random = new(13);
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _today;
    private Actors _people = null!;

    private readonly Guid _warehouseId;

    private DemoHistory(DateTimeOffset now, Guid warehouseId)
    {
        _warehouseId = warehouseId;
        _now = now;
        _today = Day(now);
    }

    private sealed record Step(DateTimeOffset At, int Order, Guid User, Func<IServiceProvider, CancellationToken, Task> Work);

    private sealed record Actors(Guid Admin, Guid Manager, Guid Sales, Guid Finance, Guid SalesDepartment, Guid ManagerEmployee,
        IReadOnlyList<ProductDto> Products, IReadOnlyDictionary<string, Guid> LeaveTypes, IReadOnlyDictionary<Guid, decimal> StockCosts);

    /// <summary>Seeds the history into a demo tenant created moments ago; returns the number of steps and how long they took.</summary>
    public static async Task<(int Steps, TimeSpan Elapsed)> RunAsync(IServiceProvider services, TenantDto tenant, Guid warehouseId, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILogger<DemoHistory>>();
        if (services.GetRequiredService<TimeProvider>() is not HistoryClock clock)
        {
            logger.LogWarning("The demo history needs the host's HistoryClock as the TimeProvider; skipped.");
            return (0, TimeSpan.Zero);
        }
        var watch = Stopwatch.StartNew();
        var currentTenant = services.GetRequiredService<ICurrentTenant>();
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var history = new DemoHistory(clock.GetUtcNow(), warehouseId);
        await services.GetRequiredService<UnitOfWorkRunner>().RunAsync(async (sp, token) => history._people = await ActorsAsync(sp, token), ct);
        history.Plan();

        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        var http = services.GetRequiredService<IHttpContextAccessor>();
        var steps = history._steps.OrderBy(s => s.At).ThenBy(s => s.Order).ToList();
        foreach (var step in steps)
        {
            using (clock.Freeze(step.At))
            {
                // The kernel's current user is the signed-in principal of the request; the history acts as the demo user.
                http.HttpContext = new DefaultHttpContext
                {
                    User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, step.User.ToString())], "demo-history")),
                };
                try { await runner.RunAsync(step.Work, ct); }
                finally { http.HttpContext = null; }
            }
        }
        logger.LogInformation("Demo history: {Steps} steps in {Elapsed} ms", steps.Count, watch.ElapsedMilliseconds);
        return (steps.Count, watch.Elapsed);
    }

    private static async Task<Actors> ActorsAsync(IServiceProvider sp, CancellationToken ct)
    {
        var users = (await sp.GetRequiredService<IUserAppService>().GetListAsync(new PageRequest(), ct)).Items.ToDictionary(u => u.UserName, u => u.Id);
        var departments = await sp.GetRequiredService<IDepartmentAppService>().GetListAsync(ct);
        var employees = await sp.GetRequiredService<IEmployeeAppService>().GetListAsync(new PageRequest(), null, null, ct);
        var products = (await sp.GetRequiredService<IProductAppService>().GetListAsync(new PageRequest(), true, null, null, ct)).Items;
        var leaveTypes = (await sp.GetRequiredService<LeaveAppService>().GetTypesAsync(ct)).ToDictionary(t => t.Name, t => t.Id);
        return new Actors(users["admin"], users["manager"], users["sales"], users["finance"], departments.Single(d => d.Code == "SALES").Id,
            employees.Items.Single(e => e.UserId == users["manager"]).Id, products.OrderBy(p => p.Sku).ToList(), leaveTypes,
            // The stock-tracked goods of the catalogue at about their purchase cost; services are not stocked.
            products.Where(p => StockCosts.ContainsKey(p.Sku)).ToDictionary(p => p.Id, p => StockCosts[p.Sku]));
    }

    private void Plan()
    {
        var leads = 44;
        for (var i = 0; i < leads; i++) PlanLead(i, _today.AddDays(-365 + i * 8.1 + _random.Next(0, 3)));
        PlanOpenPipeline();
        PlanPendingContracts();
        PlanLeaveAndExpenses();
        PlanRecruitment();
        PlanTasks();
    }

    private void Add(DateTimeOffset at, Guid user, Func<IServiceProvider, CancellationToken, Task> work)
    {
        // What would happen after now has not happened yet: the story stops there and leaves its document in that state.
        if (at < _now) _steps.Add(new Step(at, _steps.Count, user, work));
    }

    /// <summary>A working moment: 09:00–18:00 Beijing time (01:00–10:00 UTC) on a weekday, moved forward when outside.</summary>
    private static DateTimeOffset Working(DateTimeOffset at)
    {
        var day = Day(at);
        var hour = (at - day).TotalHours;
        if (hour >= 10) (day, hour) = (day.AddDays(1), 1 + (hour - 10) % 9);
        else if (hour < 1) hour += 1;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day.AddHours(hour);
    }

    private static DateTimeOffset Day(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private DateTimeOffset Morning(DateTimeOffset day) => Working(Day(day).AddHours(1 + _random.NextDouble() * 3));
    private DateTimeOffset Later(DateTimeOffset at, double minHours, double maxHours) => Working(at.AddHours(minHours + _random.NextDouble() * (maxHours - minHours)));
    private DateTimeOffset DaysLater(DateTimeOffset at, int min, int max) => Morning(at.AddDays(_random.Next(min, max + 1)));

    private static readonly Dictionary<string, decimal> StockCosts = new() { ["SRV-R750"] = 18000m, ["LIC-ERP-STD"] = 800m };

    private static readonly string[] Cities = ["杭州", "上海", "宁波", "苏州", "南京", "温州", "绍兴", "嘉兴", "合肥", "无锡", "深圳", "广州"];
    private static readonly string[] Words = ["云帆", "星河", "恒通", "远景", "瑞丰", "华创", "青禾", "锦程", "鼎新", "海纳", "博越", "同辉"];
    private static readonly string[] Trades = ["科技", "贸易", "精密制造", "物流", "医疗器械", "电子"];
    private static readonly string[] Surnames = ["陈", "刘", "周", "吴", "孙", "郑", "黄", "徐", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "敏", "静", "磊", "洋", "婷", "强", "丽", "军", "杰", "娜"];

    private static string Company(int i) => $"{Cities[i % Cities.Length]}{Words[i / Cities.Length % Words.Length]}{Trades[i % Trades.Length]}有限公司";
    private static string Person(int i) => $"{Surnames[(i * 7) % Surnames.Length]}{Given[(i * 5 + 3) % Given.Length]}";

    /// <summary>Where a lead's story goes: decided up front from the seeded random numbers, so every run tells the same one.</summary>
    private void PlanLead(int i, DateTimeOffset created)
    {
        var s = _people.Sales;
        var lead = new LeadStory();
        var name = Company(i);
        var person = Person(i);
        var source = (LeadSource)(i % 5);
        var request = new SaveLeadRequest(name, person, $"1380571{i:D4}", $"contact{i}@example.cn", source, null, null, "展会/官网获取的销售线索");
        var at = Working(created);
        Add(at, s, async (sp, ct) => lead.Id = (await sp.GetRequiredService<LeadAppService>().CreateAsync(request, ct)).Id);
        at = Later(at, 2, 30);
        Add(at, s, async (sp, ct) => await sp.GetRequiredService<LeadAppService>().UpdateAsync(lead.Id, request with { Status = LeadStatus.Contacted }, ct));
        if (i % 6 == 4)
        {
            Add(DaysLater(at, 2, 8), s, async (sp, ct) => await sp.GetRequiredService<LeadAppService>().DisqualifyAsync(lead.Id,
                new DisqualifyLeadRequest(i % 2 == 0 ? "预算不足" : "需求不匹配"), ct));
            return;
        }
        var amount = 30000m + _random.Next(0, 40) * 5000m;
        at = DaysLater(at, 1, 10);
        Add(at, s, async (sp, ct) =>
        {
            var qualified = await sp.GetRequiredService<LeadAppService>().QualifyAsync(lead.Id,
                new QualifyLeadRequest($"{name} 数字化项目", amount, DateOnly.FromDateTime(at.UtcDateTime.AddDays(60)), null), ct);
            lead.CustomerId = qualified.CustomerId!.Value;
            lead.OpportunityId = qualified.OpportunityId!.Value;
        });
        foreach (var stage in new[] { OpportunityStage.Qualification, OpportunityStage.Proposal, OpportunityStage.Negotiation })
        {
            at = DaysLater(at, 3, 12);
            Add(at, s, (sp, ct) => sp.GetRequiredService<OpportunityAppService>().MoveAsync(lead.OpportunityId, new MoveOpportunityRequest(stage, null, null), ct));
        }
        at = DaysLater(at, 3, 10);
        if (i % 3 == 2)
        {
            Add(at, s, (sp, ct) => sp.GetRequiredService<OpportunityAppService>().MoveAsync(lead.OpportunityId,
                new MoveOpportunityRequest(OpportunityStage.Lost, i % 2 == 0 ? "选择了竞争对手" : "项目延期", null), ct));
            return;
        }
        Add(at, s, (sp, ct) => sp.GetRequiredService<OpportunityAppService>().MoveAsync(lead.OpportunityId, new MoveOpportunityRequest(OpportunityStage.Won, null, null), ct));
        PlanContract(i, lead, name, Later(at, 1, 20));
    }

    private sealed class LeadStory
    {
        public Guid Id;
        public Guid CustomerId;
        public Guid OpportunityId;
    }

    private sealed class ContractStory
    {
        public Guid Id;
        public Guid ApprovalId;
    }

    private SaveContractRequest ContractTerms(int i, Guid customerId, string customer)
    {
        var p = _people.Products;
        var lines = new List<ContractLineRequest>();
        void Line(int product, decimal quantity) => lines.Add(new ContractLineRequest(p[product].Id, p[product].Name, quantity, p[product].UnitPrice,
            0m, p[product].DefaultVatRate));
        // Catalogue by code: LIC-ERP-STD, SRV-R750, SVC-IMPL, SVC-SUPPORT.
        Line(0, 5 + i % 4 * 5);
        if (i % 2 == 0) Line(1, 1 + i % 3);
        Line(2, 20 + i % 5 * 20);
        if (i % 3 == 0) Line(3, 1);
        InstallmentRequest[] plan = i % 4 == 3
            ? [new(InstallmentTrigger.OnSigning, 50m, null, null), new(InstallmentTrigger.OnDelivery, 50m, null, null)]
            : [new(InstallmentTrigger.OnSigning, 30m, null, null), new(InstallmentTrigger.OnDelivery, 70m, null, null)];
        return new SaveContractRequest($"{customer} ERP 实施合同", customerId, null, lines, plan);
    }

    /// <summary>Draft → approval (sometimes sent back once) → signed → delivered → invoiced and paid; a few customers pay late or not yet.</summary>
    private void PlanContract(int i, LeadStory lead, string customer, DateTimeOffset drafted)
    {
        var (s, m, f) = (_people.Sales, _people.Manager, _people.Finance);
        var contract = new ContractStory();
        var terms = ContractTerms(i, Guid.Empty, customer);
        Add(drafted, s, async (sp, ct) => contract.Id = (await sp.GetRequiredService<ContractAppService>().CreateAsync(terms with { CustomerId = lead.CustomerId }, ct)).Id);
        var at = Later(drafted, 1, 40);
        Add(at, s, async (sp, ct) => contract.ApprovalId = (await sp.GetRequiredService<ContractAppService>().SubmitAsync(contract.Id, ct)).ApprovalId!.Value);
        if (i % 7 == 3)
        {
            at = Later(at, 4, 50);
            Add(at, m, (sp, ct) => sp.GetRequiredService<ApprovalAppService>().RejectAsync(contract.ApprovalId, "请补充付款条件并调整折扣", ct));
            at = Later(at, 6, 48);
            Add(at, s, async (sp, ct) => contract.ApprovalId = (await sp.GetRequiredService<ContractAppService>().SubmitAsync(contract.Id, ct)).ApprovalId!.Value);
        }
        // Most approvals take a few hours; every fourth waits days for the manager.
        at = i % 4 == 1 ? Later(at, 30, 100) : Later(at, 1, 8);
        Add(at, m, (sp, ct) => sp.GetRequiredService<ApprovalAppService>().ApproveAsync(contract.ApprovalId, "同意", ct));
        at = i % 5 == 2 ? DaysLater(at, 3, 9) : Later(at, 2, 30);
        Add(at, s, (sp, ct) => sp.GetRequiredService<ContractAppService>().SignAsync(contract.Id, ct));
        var firstPaid = DaysLater(at, 7, 35);
        Pay(i, contract, 1, firstPaid, f);
        if (i % 11 == 6)
        {
            Add(DaysLater(at, 10, 20), s, (sp, ct) => sp.GetRequiredService<ContractAppService>().TerminateAsync(contract.Id, "客户业务调整，双方协商解除", ct));
            return;
        }
        // Delivered whole, or in two parts when the order is large.
        var delivered = DaysLater(at, 5, 40);
        var split = i % 3 == 0;
        if (split) Deliver(contract, DaysLater(at, 3, 10), half: true, m);
        Deliver(contract, split ? DaysLater(delivered, 5, 15) : delivered, half: false, m);
        // One customer in five has not paid the delivery invoice: overdue once its term (30 days) passes.
        if (i % 5 == 4) return;
        var lastPaid = DaysLater(delivered, split ? 25 : 12, 60);
        Pay(i, contract, 2, lastPaid, f);
        Add(DaysLater(lastPaid > firstPaid ? lastPaid : firstPaid, 1, 5), s, (sp, ct) => sp.GetRequiredService<ContractAppService>().CompleteAsync(contract.Id, ct));
    }

    /// <summary>
    /// The goods come in shortly before they go out (a purchase receipt booked as a stock adjustment), so the history leaves the
    /// warehouse's opening stock as the demo seeding set it.
    /// </summary>
    private void Deliver(ContractStory contract, DateTimeOffset at, bool half, Guid user)
    {
        static async Task<(SalesOrderDto Order, List<SalesOrderLineDto> Lines, List<DeliveryLineDto> Delivery)> PlanAsync(
            IServiceProvider sp, ContractStory contract, bool half, CancellationToken ct)
        {
            var order = (await sp.GetRequiredService<SalesOrderAppService>().GetListAsync(new PageRequest(), contract.Id, null, null, null, ct)).Items.Single();
            var lines = order.Lines.Where(l => (half ? Math.Floor(l.Quantity / 2) : l.Quantity - l.DeliveredQuantity) > 0).ToList();
            return (order, lines, lines.Select(l => new DeliveryLineDto(l.Id, half ? Math.Floor(l.Quantity / 2) : l.Quantity - l.DeliveredQuantity)).ToList());
        }
        var restocked = at.AddHours(-2);
        Add(restocked, _people.Admin, async (sp, ct) =>
        {
            var (_, lines, delivery) = await PlanAsync(sp, contract, half, ct);
            var goods = lines.Zip(delivery).Where(p => p.First.ProductId is { } id && _people.StockCosts.ContainsKey(id))
                .Select(p => new AdjustmentLineRequest(p.First.ProductId!.Value, p.Second.Quantity, _people.StockCosts[p.First.ProductId!.Value])).ToList();
            if (goods.Count > 0)
                await sp.GetRequiredService<IStockAppService>().AdjustAsync(new AdjustStockRequest(_warehouseId, DateOnly.FromDateTime(restocked.UtcDateTime),
                    "采购入库 Purchase receipt", goods), ct);
        });
        Add(at, user, async (sp, ct) =>
        {
            var (order, _, delivery) = await PlanAsync(sp, contract, half, ct);
            await sp.GetRequiredService<SalesOrderAppService>().DeliverAsync(order.Id,
                new DeliverRequest(DateOnly.FromDateTime(at.UtcDateTime), half ? "首批发货" : "全部交付", delivery), ct);
        });
    }

    private void Pay(int i, ContractStory contract, int installment, DateTimeOffset at, Guid user) =>
        Add(at, user, async (sp, ct) =>
        {
            var invoices = await sp.GetRequiredService<InvoiceAppService>().GetListAsync(new PageRequest(), new InvoiceQuery(contract.Id, null, null, null), ct);
            // The second installment's invoice exists only once delivered; paying before that would be paying nothing.
            if (invoices.Items.FirstOrDefault(v => v.InstallmentNumber == installment && v.Outstanding > 0) is not { } invoice) return;
            await sp.GetRequiredService<PaymentAppService>().RecordAsync(invoice.Id, new RecordPaymentRequest(invoice.Outstanding,
                DateOnly.FromDateTime(at.UtcDateTime), PaymentMethod.BankTransfer, $"银行回单 {i:D3}-{installment}"), ct);
        });

    /// <summary>
    /// The pipeline of the last weeks: leads sales still has to follow up (one contacted three weeks ago and not since),
    /// and opportunities in qualification, proposal and negotiation.
    /// </summary>
    private void PlanOpenPipeline()
    {
        var s = _people.Sales;
        for (var k = 0; k < 9; k++)
        {
            var index = 48 + k;
            var name = Company(index);
            var lead = new LeadStory();
            var request = new SaveLeadRequest(name, Person(index), $"1390571{index:D4}", null, (LeadSource)(k % 5), null, null, "待跟进");
            var at = Morning(_today.AddDays(k < 4 ? -2 - k * 3 : -45 + k * 3));
            Add(at, s, async (sp, ct) => lead.Id = (await sp.GetRequiredService<LeadAppService>().CreateAsync(request, ct)).Id);
            if (k is 0 or 2) continue;
            at = Later(at, 3, 30);
            Add(at, s, (sp, ct) => sp.GetRequiredService<LeadAppService>().UpdateAsync(lead.Id, request with { Status = LeadStatus.Contacted }, ct));
            if (k < 4) continue;
            at = DaysLater(at, 1, 3);
            Add(at, s, async (sp, ct) => lead.OpportunityId = (await sp.GetRequiredService<LeadAppService>().QualifyAsync(lead.Id,
                new QualifyLeadRequest($"{name} 信息化升级", 50000m + k * 12000m, DateOnly.FromDateTime(_today.AddDays(30 + k * 5).UtcDateTime), null), ct)).OpportunityId!.Value);
            OpportunityStage[] path = k switch
            {
                4 or 5 => [OpportunityStage.Qualification],
                6 => [OpportunityStage.Qualification, OpportunityStage.Proposal],
                _ => [OpportunityStage.Qualification, OpportunityStage.Proposal, OpportunityStage.Negotiation],
            };
            foreach (var stage in path)
            {
                at = DaysLater(at, 2, 5);
                if (at >= _now) at = _now.AddHours(-1 - k);
                Add(at, s, (sp, ct) => sp.GetRequiredService<OpportunityAppService>().MoveAsync(lead.OpportunityId, new MoveOpportunityRequest(stage, null, null), ct));
            }
        }
    }

    /// <summary>Recent contracts waiting for someone: two in the manager's inbox, one approved but unsigned, one still a draft.</summary>
    private void PlanPendingContracts()
    {
        var (s, m) = (_people.Sales, _people.Manager);
        var customers = new Guid[4];
        for (var k = 0; k < 4; k++)
        {
            var index = 60 + k;
            var name = Company(index);
            var at = Morning(_today.AddDays(-12 + k));
            var lead = new LeadStory();
            var request = new SaveLeadRequest(name, Person(index), null, null, LeadSource.Referral, null, null, null);
            Add(at, s, async (sp, ct) => lead.Id = (await sp.GetRequiredService<LeadAppService>().CreateAsync(request, ct)).Id);
            var key = k;
            Add(Later(at, 1, 3), s, async (sp, ct) => customers[key] = (await sp.GetRequiredService<LeadAppService>().QualifyAsync(lead.Id,
                new QualifyLeadRequest(null, 80000m, null, null), ct)).CustomerId!.Value);
        }
        for (var k = 0; k < 4; k++)
        {
            var contract = new ContractStory();
            var terms = ContractTerms(60 + k, Guid.Empty, Company(60 + k));
            var key = k;
            var at = Later(_now.AddDays(-(k + 1) * 1.6), 0, 1);
            if (at >= _now) at = _now.AddHours(-(k + 1) * 5);
            Add(at, s, async (sp, ct) => contract.Id = (await sp.GetRequiredService<ContractAppService>().CreateAsync(terms with { CustomerId = customers[key] }, ct)).Id);
            if (k == 3) continue;
            Add(at.AddMinutes(20), s, async (sp, ct) => contract.ApprovalId = (await sp.GetRequiredService<ContractAppService>().SubmitAsync(contract.Id, ct)).ApprovalId!.Value);
            if (k == 2) Add(at.AddHours(3), m, (sp, ct) => sp.GetRequiredService<ApprovalAppService>().ApproveAsync(contract.ApprovalId, "同意，请尽快签约", ct));
        }
    }

    /// <summary>
    /// Leave and expense claims of the year: sales' go to the manager, the manager's and finance's to the admin; approved
    /// claims become payables finance pays. The last of each waits in the approver's inbox.
    /// </summary>
    private void PlanLeaveAndExpenses()
    {
        var (a, m, s, f) = (_people.Admin, _people.Manager, _people.Sales, _people.Finance);
        (Guid Applicant, Guid Approver)[] people = [(s, m), (m, a), (f, a)];
        string[] types = ["病假 Sick leave", "事假 Personal leave", "年假 Annual leave"];
        for (var p = 0; p < people.Length; p++)
        {
            var (applicant, approver) = people[p];
            for (var k = 0; k < 4; k++)
            {
                var submitted = Morning(_today.AddDays(-330 + k * 95 + p * 17));
                var pending = k == 3;
                if (pending) submitted = Later(_now.AddDays(-2 - p), 0, 1);
                if (submitted >= _now) submitted = _now.AddHours(-3 - p);
                var from = DateOnly.FromDateTime(Working(submitted.AddDays(7 + p)).UtcDateTime);
                var to = from.AddDays(k % 2);
                var type = _people.LeaveTypes[types[(k + p) % types.Length]];
                var story = new ContractStory();
                Add(submitted, applicant, async (sp, ct) => story.ApprovalId = (await sp.GetRequiredService<LeaveAppService>().SubmitAsync(
                    new CreateLeaveRequest(type, from, to, k % 2 == 0 ? "家中有事" : "身体不适，需要休息"), ct)).ApprovalId!.Value);
                if (!pending) Add(Later(submitted, 1, 26), approver, (sp, ct) => sp.GetRequiredService<ApprovalAppService>().ApproveAsync(story.ApprovalId, "同意", ct));
            }
            var claims = applicant == s ? 8 : 3;
            for (var k = 0; k < claims; k++)
            {
                var pending = k == claims - 1;
                var created = pending ? Later(_now.AddDays(-1 - p * 0.5), 0, 1) : Morning(_today.AddDays(-350 + k * (330 / claims) + p * 9));
                if (created >= _now) created = _now.AddHours(-2 - p);
                var claim = new ContractStory();
                var travel = 300m + _random.Next(0, 30) * 50m;
                var meals = 80m + _random.Next(0, 20) * 10m;
                var request = new SaveExpenseClaimRequest(k % 2 == 0 ? "客户拜访差旅费" : "展会参展费用",
                    [new SaveExpenseLine(ExpenseCategories.Travel, "高铁往返", travel, null), new SaveExpenseLine(ExpenseCategories.Meals, "工作餐", meals, null)]);
                Add(created, applicant, async (sp, ct) => claim.Id = (await sp.GetRequiredService<ExpenseAppService>().CreateAsync(request, ct)).Id);
                Add(created.AddMinutes(10), applicant, async (sp, ct) =>
                    claim.ApprovalId = (await sp.GetRequiredService<ExpenseAppService>().SubmitAsync(claim.Id, ct)).ApprovalId!.Value);
                if (pending) continue;
                var approved = Later(created, 2, 50);
                Add(approved, approver, (sp, ct) => sp.GetRequiredService<ApprovalAppService>().ApproveAsync(claim.ApprovalId, "同意报销", ct));
                var paid = DaysLater(approved, 2, 9);
                Add(paid, f, async (sp, ct) =>
                {
                    var payables = sp.GetRequiredService<PayableAppService>();
                    var payable = (await payables.GetListAsync(new PageRequest(), new PayableQuery(PayableStatus.Open, claim.Id, null, null, null), ct)).Items.Single();
                    await payables.PayAsync(payable.Id, new PayPayableRequest(DateOnly.FromDateTime(paid.UtcDateTime), "网银转账"), ct);
                });
            }
        }
    }

    /// <summary>A sales representative opening: six candidates, two interviewed and rejected, one hired, one offer waiting for the manager.</summary>
    private void PlanRecruitment()
    {
        var (a, m) = (_people.Admin, _people.Manager);
        var openingId = Guid.Empty;
        var opened = Morning(_today.AddDays(-120));
        Add(opened, a, async (sp, ct) => openingId = (await sp.GetRequiredService<RecruitmentAppService>().CreateOpeningAsync(
            new SaveJobOpeningRequest("销售代表 Sales representative", _people.SalesDepartment, 2, "负责华东区域企业客户开拓"), ct)).Id);
        string[] names = ["钱多多", "孙悦", "周航", "吴倩", "郑凯", "冯晓"];
        for (var k = 0; k < names.Length; k++)
        {
            var candidate = new ContractStory();
            var name = names[k];
            var at = DaysLater(opened, 2 + k * 9, 6 + k * 9);
            var request = new SaveCandidateRequest(names[k], $"candidate{k + 1}@example.cn", $"1390000{k:D4}", Guid.Empty);
            Add(at, a, async (sp, ct) => candidate.Id = (await sp.GetRequiredService<RecruitmentAppService>().CreateCandidateAsync(request with { OpeningId = openingId }, ct)).Id);
            var recruitment = (IServiceProvider sp) => sp.GetRequiredService<RecruitmentAppService>();
            if (k == 5) continue;
            at = DaysLater(at, 1, 4);
            Add(at, a, (sp, ct) => recruitment(sp).MoveAsync(candidate.Id, new MoveCandidateRequest(CandidateStage.Screening, null), ct));
            if (k == 4) continue;
            at = DaysLater(at, 2, 6);
            Add(at, a, (sp, ct) => recruitment(sp).MoveAsync(candidate.Id, new MoveCandidateRequest(CandidateStage.Interview, null), ct));
            at = DaysLater(at, 1, 3);
            var interview = at.UtcDateTime;
            var passed = k is 0 or 3;
            Add(at, a, (sp, ct) => recruitment(sp).RecordInterviewAsync(candidate.Id,
                new RecordInterviewRequest(interview, "王经理", passed ? InterviewResult.Pass : InterviewResult.Fail, passed ? "沟通能力强，有行业经验" : "经验不足"), ct));
            at = DaysLater(at, 1, 3);
            if (!passed)
            {
                Add(at, a, (sp, ct) => recruitment(sp).MoveAsync(candidate.Id, new MoveCandidateRequest(CandidateStage.Rejected, "面试未通过"), ct));
                continue;
            }
            // The second finalist's offer goes out two days ago and waits for the manager.
            if (k == 3) at = Later(_now.AddDays(-2), 0, 1);
            var start = DateOnly.FromDateTime(at.UtcDateTime.AddDays(21));
            Add(at, a, (sp, ct) => recruitment(sp).MakeOfferAsync(candidate.Id,
                new MakeOfferRequest(9000m + k * 500m, start, "销售代表", _people.SalesDepartment, _people.ManagerEmployee), ct));
            if (k == 3) continue;
            var approved = Later(at, 3, 20);
            Add(approved, m, async (sp, ct) =>
            {
                var approvals = sp.GetRequiredService<ApprovalAppService>();
                var waiting = (await approvals.GetListAsync(ApprovalBox.Assigned, new PageRequest(0, 100), ApprovalDocumentTypes.Offer, ct)).Items;
                await approvals.ApproveAsync(waiting.Single(x => x.Title.Contains(name)).Id, "同意录用", ct);
            });
            Add(DaysLater(approved, 1, 3), a, (sp, ct) => recruitment(sp).HireAsync(candidate.Id, ct));
        }
    }

    /// <summary>Tasks the manager hands out: some due this week, one already late, one done.</summary>
    private void PlanTasks()
    {
        var (m, s, f, a) = (_people.Manager, _people.Sales, _people.Finance, _people.Admin);
        (Guid Assignee, string Title, int DueInDays)[] tasks =
        [
            (s, "回访华东区重点客户", 2), (s, "准备季度销售预测", 5), (s, "整理展会线索", -2),
            (f, "核对本月回款并催收逾期发票", 1), (f, "准备月末结账凭证", 4), (a, "审阅年度预算草案", 3),
        ];
        foreach (var (assignee, title, due) in tasks)
        {
            var at = Later(_now.AddDays(-4), 0, 2);
            if (at >= _now) at = _now.AddHours(-6);
            var dueOn = DateOnly.FromDateTime(_today.AddDays(due).UtcDateTime);
            Add(at, m, (sp, ct) => sp.GetRequiredService<TaskAppService>().CreateAsync(new CreateTaskRequest(title, null, assignee, dueOn, null, null, null), ct));
        }
    }
}
