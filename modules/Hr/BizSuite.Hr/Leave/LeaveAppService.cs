using System.Globalization;
using BizSuite.Hr.Data;
using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using BizSuite.Oa;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Leave;

internal sealed class LeaveAppService(HrDbContext db, CurrentEmployee me, IPermissionChecker permissions, DocumentNumbers numbers,
    IApprovalService approvals, TimeProvider clock)
{
    private DbSet<LeaveType> Types => db.Set<LeaveType>();
    private DbSet<LeaveBalance> Balances => db.Set<LeaveBalance>();
    private DbSet<LeaveRequest> Requests => db.Set<LeaveRequest>();

    public async Task<IReadOnlyList<LeaveTypeDto>> GetTypesAsync(CancellationToken ct) =>
        (await Types.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(x => x.ToDto()).ToList();

    public LeaveTypeDto CreateType(SaveLeaveTypeRequest request)
    {
        var type = new LeaveType(request.Name, request.YearlyDays, request.Paid);
        type.Update(request.Name, request.YearlyDays, request.Paid, request.IsActive);
        Types.Add(type);
        return type.ToDto();
    }

    public async Task<LeaveTypeDto> UpdateTypeAsync(Guid id, SaveLeaveTypeRequest request, CancellationToken ct)
    {
        var type = await Types.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException("LeaveType", id);
        type.Update(request.Name, request.YearlyDays, request.Paid, request.IsActive);
        return type.ToDto();
    }

    /// <summary>
    /// Without an employee: my balances of the year (created from the active types as needed). With one: that employee's,
    /// for HR or their department head.
    /// </summary>
    public async Task<IReadOnlyList<LeaveBalanceDto>> GetBalancesAsync(int? year, Guid? employeeId, CancellationToken ct)
    {
        var y = year ?? Today().Year;
        var employee = employeeId is { } id
            ? await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException("Employee", id)
            : await me.RequireAsync(ct);
        if (employee.Id != (await me.FindAsync(ct))?.Id && !await permissions.IsGrantedAsync(HrPermissions.LeaveManage, ct)
            && !(employee.DepartmentId is { } d && (await me.TeamDepartmentsAsync(ct)).Contains(d)))
            throw new EntityNotFoundException("Employee", employee.Id);
        var result = new List<LeaveBalanceDto>();
        foreach (var type in await Types.Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(ct))
        {
            var balance = await BalanceAsync(employee.Id, type, y, ct);
            result.Add(balance.ToDto(employee.Name, type.Name, await PendingDaysAsync(employee.Id, type.Id, y, null, ct)));
        }
        return result;
    }

    /// <summary>HR changes an entitlement (carry-over, seniority); what is used stays.</summary>
    public async Task<LeaveBalanceDto> AdjustBalanceAsync(Guid id, AdjustLeaveBalanceRequest request, CancellationToken ct)
    {
        var balance = await Balances.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new EntityNotFoundException("LeaveBalance", id);
        balance.Adjust(request.Entitled);
        var employee = await db.Employees.AsNoTracking().FirstAsync(e => e.Id == balance.EmployeeId, ct);
        var type = await Types.AsNoTracking().FirstAsync(t => t.Id == balance.LeaveTypeId, ct);
        return balance.ToDto(employee.Name, type.Name, await PendingDaysAsync(balance.EmployeeId, type.Id, balance.Year, null, ct));
    }

    public async Task<PagedResult<LeaveRequestDto>> GetRequestsAsync(PageRequest page, ListScope scope, LeaveRequestStatus? status, CancellationToken ct)
    {
        var query = await me.ScopeAsync(Requests.AsNoTracking(), scope, HrPermissions.LeaveManage, ct);
        if (status is not null) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(r => r.Number.Contains(page.Filter) || r.EmployeeName.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(r => r.Id) : query.SortBy(page, ("number", r => r.Number), ("from", r => r.From));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<LeaveRequestDto>(items.Select(x => x.ToDto()).ToList(), await query.LongCountAsync(ct));
    }

    public async Task<LeaveRequestDto> GetRequestAsync(Guid id, CancellationToken ct)
    {
        var request = await Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await me.MaySeeAsync(request, HrPermissions.LeaveManage, ct)) throw new EntityNotFoundException("LeaveRequest", id);
        return request.ToDto();
    }

    /// <summary>Checks the dates, the balance and overlaps with my other leave, then asks OA for approval.</summary>
    public async Task<LeaveRequestDto> SubmitAsync(CreateLeaveRequest request, CancellationToken ct)
    {
        var employee = await me.RequireAsync(ct);
        var type = await Types.FirstOrDefaultAsync(t => t.Id == request.LeaveTypeId, ct) ?? throw new EntityNotFoundException("LeaveType", request.LeaveTypeId);
        if (!type.IsActive) throw new BusinessException(LeaveErrors.LeaveTypeInactive, StatusCodes.Status422UnprocessableEntity, type.Name) { Field = "leaveTypeId" };
        var mine = await Requests.Where(r => r.EmployeeId == employee.Id && r.From <= request.To && r.To >= request.From).ToListAsync(ct);
        if (mine.FirstOrDefault(r => r.Overlaps(request.From, request.To)) is { } clash)
            throw new BusinessException(LeaveErrors.LeaveOverlap, StatusCodes.Status409Conflict, clash.Number, clash.From, clash.To);
        var year = request.From.Year;
        var balance = await BalanceAsync(employee.Id, type, year, ct);
        var leave = LeaveRequest.Submit($"QJ{year}{await numbers.NextAsync("hr-leave", ct):D6}", employee.Id, employee.Name, employee.DepartmentId,
            employee.UserId!.Value, type, request.From, request.To, request.Reason, balance, await PendingDaysAsync(employee.Id, type.Id, year, null, ct));
        Requests.Add(leave);
        var title = $"{employee.Name} {type.Name} {leave.From:yyyy-MM-dd} ~ {leave.To:yyyy-MM-dd} ({leave.Days.ToString("0.#", CultureInfo.InvariantCulture)})";
        leave.AwaitApproval(await approvals.RequestAsync(new ApprovalRequest(ApprovalDocumentTypes.LeaveRequest, leave.Id, leave.Number, title,
            leave.ApplicantUserId, Days: leave.Days, Link: "/hr/leave"), ct));
        return leave.ToDto();
    }

    /// <summary>Approved and pending leave of a department's employees (mine when none is given) that touches the month.</summary>
    public async Task<LeaveCalendarDto> CalendarAsync(string? month, Guid? departmentId, CancellationToken ct)
    {
        var first = month is null ? new DateOnly(Today().Year, Today().Month, 1)
            : DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var m) ? m
            : throw new BizSuite.Kernel.ValidationException(new Dictionary<string, string[]> { ["month"] = ["yyyy-MM"] });
        var last = first.AddMonths(1).AddDays(-1);
        if (departmentId is { } asked && !await db.Departments.AnyAsync(x => x.Id == asked, ct)) throw new EntityNotFoundException("Department", asked);
        var department = departmentId ?? (await me.RequireAsync(ct)).DepartmentId;
        if (department is { } d && d != (await me.FindAsync(ct))?.DepartmentId && !(await me.TeamDepartmentsAsync(ct)).Contains(d)
            && !await permissions.IsGrantedAsync(HrPermissions.LeaveManage, ct))
            throw new BusinessException(LeaveErrors.NotYourTeam, StatusCodes.Status403Forbidden);
        var entries = await Requests.AsNoTracking()
            .Where(r => r.DepartmentId == department && r.From <= last && r.To >= first
                        && (r.Status == LeaveRequestStatus.Pending || r.Status == LeaveRequestStatus.Approved))
            .OrderBy(r => r.From).ToListAsync(ct);
        return new LeaveCalendarDto(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), department,
            entries.Select(r => new LeaveCalendarEntry(r.Id, r.EmployeeId, r.EmployeeName, r.LeaveTypeName, r.From, r.To, r.Days, r.Status)).ToList());
    }

    /// <summary>The balance row of the year, made from the type's yearly days the first time it is needed.</summary>
    public async Task<LeaveBalance> BalanceAsync(Guid employeeId, LeaveType type, int year, CancellationToken ct)
    {
        var balance = Balances.Local.FirstOrDefault(b => b.EmployeeId == employeeId && b.LeaveTypeId == type.Id && b.Year == year)
                      ?? await Balances.FirstOrDefaultAsync(b => b.EmployeeId == employeeId && b.LeaveTypeId == type.Id && b.Year == year, ct);
        if (balance is not null) return balance;
        balance = new LeaveBalance(employeeId, type, year);
        Balances.Add(balance);
        return balance;
    }

    private Task<decimal> PendingDaysAsync(Guid employeeId, Guid typeId, int year, Guid? except, CancellationToken ct) =>
        Requests.Where(r => r.EmployeeId == employeeId && r.LeaveTypeId == typeId && r.From.Year == year && r.Status == LeaveRequestStatus.Pending && r.Id != except)
            .SumAsync(r => r.Days, ct);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

internal sealed class SaveLeaveTypeRequestValidator : AbstractValidator<SaveLeaveTypeRequest>
{
    public SaveLeaveTypeRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(50);
        RuleFor(r => r.YearlyDays).InclusiveBetween(0, 366).PrecisionScale(5, 1, true);
    }
}

internal sealed class AdjustLeaveBalanceRequestValidator : AbstractValidator<AdjustLeaveBalanceRequest>
{
    public AdjustLeaveBalanceRequestValidator() => RuleFor(r => r.Entitled).InclusiveBetween(0, 366).PrecisionScale(5, 1, true);
}

internal sealed class CreateLeaveRequestValidator : AbstractValidator<CreateLeaveRequest>
{
    public CreateLeaveRequestValidator()
    {
        RuleFor(r => r.LeaveTypeId).NotEmpty();
        RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From);
        // A request counts against one year's balance.
        RuleFor(r => r.To.Year).Equal(r => r.From.Year).OverridePropertyName("To");
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

/// <summary>The approval's outcome decides the leave request; approved leave is taken from the balance.</summary>
internal sealed class DecideLeaveWhenApprovalEnds(HrDbContext db, LeaveAppService leave) : ApprovalOutcomes(ApprovalDocumentTypes.LeaveRequest)
{
    protected override async Task ApprovedAsync(Guid requestId, string? comment, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is not { } request) return;
        var type = await db.Set<LeaveType>().FirstAsync(t => t.Id == request.LeaveTypeId, ct);
        request.Approve(comment, await leave.BalanceAsync(request.EmployeeId, type, request.From.Year, ct));
    }

    protected override async Task RejectedAsync(Guid requestId, string comment, CancellationToken ct) => (await FindAsync(requestId, ct))?.Reject(comment);

    protected override async Task WithdrawnAsync(Guid requestId, CancellationToken ct) => (await FindAsync(requestId, ct))?.Withdraw();

    private Task<LeaveRequest?> FindAsync(Guid id, CancellationToken ct) => db.Set<LeaveRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
}
