using BizSuite.Finance;
using BizSuite.Hr.Data;
using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Saas;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Expenses;

internal sealed class ExpenseAppService(HrDbContext db, CurrentEmployee me, ICurrentUser currentUser, DocumentNumbers numbers, SettingStore settings,
    IApprovalService approvals, IEditionLimits limits, TimeProvider clock)
{
    private DbSet<ExpenseClaim> Claims => db.Set<ExpenseClaim>();
    private DbSet<Attachment> Attachments => db.Set<Attachment>();

    public async Task<PagedResult<ExpenseClaimDto>> GetListAsync(PageRequest page, ListScope scope, ExpenseClaimStatus? status, CancellationToken ct)
    {
        var query = await me.ScopeAsync(Claims.AsNoTracking(), scope, HrPermissions.ExpensesManage, ct);
        if (status is not null) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(c => c.Number.Contains(page.Filter) || c.Title.Contains(page.Filter) || c.EmployeeName.Contains(page.Filter));
        query = page.SortField is null ? query.OrderByDescending(c => c.Id) : query.SortBy(page, ("number", c => c.Number), ("total", c => c.Total));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<ExpenseClaimDto>(await ToDtosAsync(items, ct), await query.LongCountAsync(ct));
    }

    public async Task<ExpenseClaimDto> GetAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await LoadVisibleAsync(id, ct)], ct))[0];

    public async Task<ExpenseClaimDto> CreateAsync(SaveExpenseClaimRequest request, CancellationToken ct)
    {
        var employee = await me.RequireAsync(ct);
        var number = $"BX{clock.GetUtcNow().Year}{await numbers.NextAsync("hr-expense-claim", ct):D6}";
        var claim = new ExpenseClaim(number, employee.Id, employee.Name, employee.DepartmentId, employee.UserId!.Value,
            await settings.GetAsync(KernelSettings.Currency, ct));
        await EditAsync(claim, request, ct);
        Claims.Add(claim);
        return (await ToDtosAsync([claim], ct))[0];
    }

    public async Task<ExpenseClaimDto> UpdateAsync(Guid id, SaveExpenseClaimRequest request, CancellationToken ct)
    {
        var claim = await LoadMineAsync(id, ct);
        await EditAsync(claim, request, ct);
        return (await ToDtosAsync([claim], ct))[0];
    }

    /// <summary>Asks OA to approve the total; a claim approved at once (no flow) raises its event in this transaction.</summary>
    public async Task<ExpenseClaimDto> SubmitAsync(Guid id, CancellationToken ct)
    {
        var claim = await LoadMineAsync(id, ct);
        claim.Submit();
        claim.AwaitApproval(await approvals.RequestAsync(new ApprovalRequest(ApprovalDocumentTypes.ExpenseClaim, claim.Id, claim.Number,
            $"{claim.EmployeeName} {claim.Title}", claim.ApplicantUserId, claim.Total, claim.Currency, Link: $"/hr/expenses/{claim.Id}"), ct));
        return (await ToDtosAsync([claim], ct))[0];
    }

    public async Task<AttachmentDto> UploadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > Attachment.MaxSize)
            throw new BusinessException(ExpenseErrors.AttachmentTooLarge, StatusCodes.Status400BadRequest, Attachment.MaxSize / 1024 / 1024) { Field = "file" };
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var attachment = Attachment.Upload(file.FileName, buffer.ToArray(), currentUser.Id!.Value, clock.GetUtcNow().UtcDateTime);
        await limits.EnsureRoomForAsync(UsageKind.StorageBytes, attachment.Size, ct);
        Attachments.Add(attachment);
        return new AttachmentDto(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size);
    }

    /// <summary>The uploader, and whoever may see a claim the receipt is on.</summary>
    public async Task<Attachment> DownloadAsync(Guid id, CancellationToken ct)
    {
        var attachment = await Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Attachment", id);
        if (attachment.UploadedBy == currentUser.Id) return attachment;
        foreach (var claim in await Claims.AsNoTracking().Where(c => c.Lines.Any(l => l.AttachmentId == id)).ToListAsync(ct))
            if (await me.MaySeeAsync(claim, HrPermissions.ExpensesManage, ct)) return attachment;
        throw new EntityNotFoundException("Attachment", id);
    }

    private async Task EditAsync(ExpenseClaim claim, SaveExpenseClaimRequest request, CancellationToken ct)
    {
        var ids = request.Lines.Select(l => l.AttachmentId).OfType<Guid>().Distinct().ToList();
        var mine = await Attachments.Where(a => ids.Contains(a.Id) && a.UploadedBy == currentUser.Id).Select(a => a.Id).ToListAsync(ct);
        if (ids.Except(mine).FirstOrDefault() is var foreign && foreign != Guid.Empty)
            throw new BusinessException(ExpenseErrors.AttachmentNotYours, StatusCodes.Status422UnprocessableEntity, foreign);
        claim.Edit(request.Title, request.Lines.Select(l => (l.Category, l.Description, l.Amount, l.AttachmentId)).ToList());
    }

    private async Task<ExpenseClaim> LoadVisibleAsync(Guid id, CancellationToken ct)
    {
        var claim = await Claims.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null || !await me.MaySeeAsync(claim, HrPermissions.ExpensesManage, ct)) throw new EntityNotFoundException("ExpenseClaim", id);
        return claim;
    }

    /// <summary>Only the employee edits and submits their claim; to anyone else it does not exist.</summary>
    private async Task<ExpenseClaim> LoadMineAsync(Guid id, CancellationToken ct)
    {
        var employee = await me.RequireAsync(ct);
        return await Claims.FirstOrDefaultAsync(c => c.Id == id && c.EmployeeId == employee.Id, ct) ?? throw new EntityNotFoundException("ExpenseClaim", id);
    }

    private async Task<List<ExpenseClaimDto>> ToDtosAsync(IReadOnlyList<ExpenseClaim> claims, CancellationToken ct)
    {
        var ids = claims.SelectMany(c => c.Lines).Select(l => l.AttachmentId).OfType<Guid>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await Attachments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FileName, ct);
        return claims.Select(c => new ExpenseClaimDto(c.Id, c.Number, c.EmployeeId, c.EmployeeName, c.DepartmentId, c.Title, c.Currency, c.Total, c.Status,
            c.ApprovalId, c.RejectionComment, c.PaidOn, c.Lines.OrderBy(l => l.LineNumber).Select(l => new ExpenseLineDto(l.LineNumber, l.Category, l.Description,
                l.Amount, l.AttachmentId, l.AttachmentId is { } a ? names.GetValueOrDefault(a) : null)).ToList(), c.CreatedAt)).ToList();
    }
}

internal sealed class SaveExpenseClaimRequestValidator : AbstractValidator<SaveExpenseClaimRequest>
{
    public SaveExpenseClaimRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Category).Must(c => ExpenseCategories.All.Contains(c));
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(200);
            line.RuleFor(l => l.Amount).GreaterThan(0).PrecisionScale(18, 2, true);
        });
    }
}

/// <summary>The approval's outcome moves the claim; an approved claim tells Finance, which records the payable.</summary>
internal sealed class DecideClaimWhenApprovalEnds(HrDbContext db) : ApprovalOutcomes(ApprovalDocumentTypes.ExpenseClaim)
{
    protected override async Task ApprovedAsync(Guid claimId, string? comment, CancellationToken ct) => (await FindAsync(claimId, ct))?.Approve();

    protected override async Task RejectedAsync(Guid claimId, string comment, CancellationToken ct) => (await FindAsync(claimId, ct))?.SendBack(comment);

    protected override async Task WithdrawnAsync(Guid claimId, CancellationToken ct) => (await FindAsync(claimId, ct))?.SendBack(null);

    private Task<ExpenseClaim?> FindAsync(Guid id, CancellationToken ct) => db.Set<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>Finance paid the employee: the claim is done.</summary>
internal sealed class MarkClaimPaidWhenPayablePaid(HrDbContext db) : IDomainEventHandler<PayablePaid>
{
    public async Task HandleAsync(PayablePaid e, CancellationToken ct)
    {
        if (e.SourceType != PayableSources.ExpenseClaim) return;
        var claim = await db.Set<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == e.SourceId, ct);
        claim?.MarkPaid(e.PaidOn);
    }
}

/// <summary>Uploaded receipts are the tenant's stored files, counted against its edition's storage.</summary>
internal sealed class AttachmentStorage(HrDbContext db) : IUsageMeter
{
    public UsageKind Kind => UsageKind.StorageBytes;

    public async Task<long> MeasureAsync(CancellationToken ct) => await db.Set<Attachment>().SumAsync(a => (long?)a.Size, ct) ?? 0;
}
