using BizSuite.Hr;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Orders;
using BizSuite.Purchasing.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Requests;

internal sealed class PurchaseRequestAppService(PurchasingDbContext db, ICurrentUser currentUser, IPermissionChecker permissions, DocumentNumbers numbers,
    SettingStore settings, IApprovalService approvals, IUserDirectory users, IOrgDirectory org, CatalogueChecks checks, IProductAppService products, TimeProvider clock)
{
    /// <summary>A requester sees their own requests; a buyer (<see cref="PurchasingPermissions.RequestsAll"/>) everyone's with <c>all=true</c>.</summary>
    public async Task<PagedResult<PurchaseRequestDto>> GetListAsync(PageRequest page, bool all, PurchaseRequestStatus? status, CancellationToken ct)
    {
        var query = db.Requests.AsNoTracking();
        if (!all) query = query.Where(r => r.RequesterUserId == currentUser.Id);
        else if (!await permissions.IsGrantedAsync(PurchasingPermissions.RequestsAll, ct))
            throw new BusinessException(PurchasingErrors.NotAllRequests, StatusCodes.Status403Forbidden);
        if (status is not null) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(r => r.Number.Contains(page.Filter) || r.Reason.Contains(page.Filter) || r.RequesterName.Contains(page.Filter));
        query = page.SortField is null
            ? query.OrderByDescending(r => r.Id)
            : query.SortBy(page, ("number", r => r.Number), ("neededBy", r => r.NeededBy), ("estimatedTotal", r => r.EstimatedTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<PurchaseRequestDto>(await ToDtosAsync(items, ct), await query.LongCountAsync(ct));
    }

    public async Task<PurchaseRequestDto> GetAsync(Guid id, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || (request.RequesterUserId != currentUser.Id && !await permissions.IsGrantedAsync(PurchasingPermissions.RequestsAll, ct)))
            throw new EntityNotFoundException("PurchaseRequest", id);
        return (await ToDtosAsync([request], ct))[0];
    }

    public async Task<PurchaseRequestDto> CreateAsync(SavePurchaseRequest data, CancellationToken ct)
    {
        var userId = currentUser.Id!.Value;
        var name = (await users.FindAsync([userId], ct)).FirstOrDefault()?.Name ?? currentUser.UserName ?? "";
        var department = (await org.DepartmentPathAsync(userId, ct)).FirstOrDefault();
        var number = $"QG{clock.GetUtcNow().Year}{await numbers.NextAsync("purchasing-request", ct):D5}";
        var request = new PurchaseRequest(number, userId, name, department == Guid.Empty ? null : department, await settings.GetAsync(KernelSettings.Currency, ct));
        await EditAsync(request, data, ct);
        db.Requests.Add(request);
        return (await ToDtosAsync([request], ct))[0];
    }

    public async Task<PurchaseRequestDto> UpdateAsync(Guid id, SavePurchaseRequest data, CancellationToken ct)
    {
        var request = await LoadMineAsync(id, ct);
        await EditAsync(request, data, ct);
        return (await ToDtosAsync([request], ct))[0];
    }

    /// <summary>Asks OA to approve the estimated total; approved at once (no flow), the orders are created in this transaction.</summary>
    public async Task<PurchaseRequestDto> SubmitAsync(Guid id, CancellationToken ct)
    {
        var request = await LoadMineAsync(id, ct);
        request.Submit();
        request.AwaitApproval(await approvals.RequestAsync(new ApprovalRequest(ApprovalDocumentTypes.PurchaseRequest, request.Id, request.Number,
            $"{request.RequesterName} {request.Reason}", request.RequesterUserId, request.EstimatedTotal, request.Currency,
            Link: $"/purchasing/requests/{request.Id}"), ct));
        return (await ToDtosAsync([request], ct))[0];
    }

    /// <summary>
    /// The first 20 active products whose SKU or name contains the filter, for the line's product picker; with an id, just that product
    /// (a reorder suggestion names it), or nothing when it is unknown or inactive.
    /// </summary>
    public async Task<IReadOnlyList<ProductChoiceDto>> ProductChoicesAsync(string? filter, Guid? id, CancellationToken ct)
    {
        IReadOnlyList<ProductDto> found;
        if (id is { } productId)
        {
            try
            {
                var product = await products.GetAsync(productId, ct);
                found = product.IsActive ? [product] : [];
            }
            catch (EntityNotFoundException)
            {
                found = [];
            }
        }
        else found = (await products.GetListAsync(new PageRequest(Take: 20, Sort: "name", Filter: string.IsNullOrWhiteSpace(filter) ? null : filter.Trim()),
            true, null, null, ct)).Items;
        return found.Select(p => new ProductChoiceDto(p.Id, p.Sku, p.Name, p.Unit, p.DefaultVatRate)).ToList();
    }

    private async Task EditAsync(PurchaseRequest request, SavePurchaseRequest data, CancellationToken ct)
    {
        await checks.EnsureProductsAsync(data.Lines.Select(l => l.ProductId).ToList(), ct);
        await checks.EnsureSuppliersAsync(data.Lines.Select(l => l.SupplierId).ToList(), ct);
        request.Edit(data.NeededBy, data.Reason, data.Lines);
    }

    /// <summary>Only the requester edits and submits their request; to anyone else it does not exist.</summary>
    private async Task<PurchaseRequest> LoadMineAsync(Guid id, CancellationToken ct) =>
        await db.Requests.FirstOrDefaultAsync(r => r.Id == id && r.RequesterUserId == currentUser.Id, ct)
        ?? throw new EntityNotFoundException("PurchaseRequest", id);

    private async Task<List<PurchaseRequestDto>> ToDtosAsync(IReadOnlyList<PurchaseRequest> requests, CancellationToken ct)
    {
        var supplierIds = requests.SelectMany(r => r.Lines).Select(l => l.SupplierId).OfType<Guid>().Distinct().ToList();
        var suppliers = supplierIds.Count == 0 ? [] : await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var requestIds = requests.Where(r => r.Status == PurchaseRequestStatus.Approved).Select(r => (Guid?)r.Id).ToList();
        var orders = requestIds.Count == 0 ? [] : await db.Orders.AsNoTracking().Where(o => requestIds.Contains(o.RequestId))
            .Select(o => new { o.Id, o.RequestId }).ToListAsync(ct);
        return requests.Select(r => new PurchaseRequestDto(r.Id, r.Number, r.RequesterUserId, r.RequesterName, r.DepartmentId, r.NeededBy, r.Reason, r.Currency,
            r.EstimatedTotal, r.Status, r.ApprovalId, r.RejectionComment, orders.Where(o => o.RequestId == r.Id).Select(o => o.Id).Order().ToList(),
            r.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseRequestLineDto(l.LineNumber, l.ProductId, l.Description, l.Quantity, l.EstimatedUnitPrice,
                l.VatRate, l.SupplierId, l.SupplierId is { } s ? suppliers.GetValueOrDefault(s) : null, l.Amount)).ToList(), r.CreatedAt)).ToList();
    }
}

internal sealed class SavePurchaseRequestValidator : AbstractValidator<SavePurchaseRequest>
{
    public SavePurchaseRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
        RuleFor(r => r.NeededBy).NotEmpty();
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(400);
            line.RuleFor(l => l.Quantity).GreaterThan(0).PrecisionScale(18, 4, true);
            line.RuleFor(l => l.EstimatedUnitPrice).GreaterThan(0).PrecisionScale(18, 2, true);
            line.RuleFor(l => l.VatRate).InclusiveBetween(0, 1).PrecisionScale(5, 4, true);
        });
    }
}
