using BizSuite.Kernel;
using BizSuite.Oa.Announcements;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Delegations;
using BizSuite.Oa.Forms;
using BizSuite.Oa.Notifications;
using BizSuite.Oa.Timeline;
using BizSuite.Oa.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BizSuite.Oa.Data;

internal sealed class OaDbContext(DbContextOptions<OaDbContext> options) : BizDbContext(options)
{
    public DbSet<ApprovalFlow> ApprovalFlows => Set<ApprovalFlow>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementRead> AnnouncementReads => Set<AnnouncementRead>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApprovalForm> ApprovalForms => Set<ApprovalForm>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<FormAttachment> FormAttachments => Set<FormAttachment>();
    public DbSet<RecordComment> RecordComments => Set<RecordComment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApprovalFlow>(b =>
        {
            b.ToTable("oa_approval_flows");
            b.Property(f => f.DocumentType).HasMaxLength(32);
            b.Property(f => f.Name).HasMaxLength(100);
            b.HasIndex(f => new { f.TenantId, f.DocumentType }).IsUnique();
            b.OwnsMany(f => f.Steps, s =>
            {
                s.ToTable("oa_approval_flow_steps");
                s.WithOwner().HasForeignKey("FlowId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Rule).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.RoleName).HasMaxLength(64);
                s.Property(x => x.Condition).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.TimeoutAction).HasConversion<string>().HasMaxLength(16);
            });
            b.Navigation(f => f.Steps).HasField("_steps");
            b.Property(f => f.ResubmitFrom).HasConversion<string>().HasMaxLength(16);
            b.OwnsMany(f => f.Cc, s =>
            {
                s.ToTable("oa_approval_flow_cc");
                s.WithOwner().HasForeignKey("FlowId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Moment).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Rule).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.RoleName).HasMaxLength(64);
            });
            b.Navigation(f => f.Cc).HasField("_cc");
        });
        modelBuilder.Entity<Approval>(b =>
        {
            b.ToTable("oa_approvals");
            b.Property(a => a.DocumentType).HasMaxLength(32);
            b.Property(a => a.DocumentNumber).HasMaxLength(64);
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.Currency).HasMaxLength(3);
            b.Property(a => a.Days).HasPrecision(9, 2);
            b.Property(a => a.Link).HasMaxLength(400);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(a => new { a.TenantId, a.DocumentType, a.PendingDocumentId }).IsUnique();
            b.HasIndex(a => new { a.TenantId, a.ApplicantUserId, a.SubmittedAt });
            b.HasIndex(a => new { a.TenantId, a.DocumentType, a.DocumentId });
            b.OwnsMany(a => a.Steps, s =>
            {
                s.ToTable("oa_approval_steps");
                s.WithOwner().HasForeignKey("ApprovalId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Rule).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.RoleName).HasMaxLength(64);
                s.Property(x => x.Condition).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.TimeoutAction).HasConversion<string>().HasMaxLength(16);
            });
            b.Navigation(a => a.Steps).HasField("_steps");
            b.Property(a => a.ResubmitFrom).HasConversion<string>().HasMaxLength(16);
            // The timeout job looks for pending approvals by the due time of their current step.
            b.HasIndex(a => new { a.Status, a.CurrentStep });
            b.OwnsMany(a => a.Cc, s =>
            {
                s.ToTable("oa_approval_cc");
                s.WithOwner().HasForeignKey("ApprovalId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Moment).HasConversion<string>().HasMaxLength(16);
                s.HasIndex(x => new { x.UserId, x.CopiedAt });
            });
            b.Navigation(a => a.Cc).HasField("_cc");
            // The inbox asks "where am I an approver of the current step": one indexed lookup by user.
            b.OwnsMany(a => a.Assignees, s =>
            {
                s.ToTable("oa_approval_assignees");
                s.WithOwner().HasForeignKey("ApprovalId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Position).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Reason).HasMaxLength(1000);
                s.HasIndex(x => new { x.UserId, x.StepNumber });
            });
            b.Navigation(a => a.Assignees).HasField("_assignees");
            b.OwnsMany(a => a.History, s =>
            {
                s.ToTable("oa_approval_history");
                s.WithOwner().HasForeignKey("ApprovalId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Comment).HasMaxLength(1000);
                s.Property(x => x.Position).HasConversion<string>().HasMaxLength(16);
                s.HasIndex(x => new { x.UserId, x.Action });
            });
            b.Navigation(a => a.History).HasField("_history");
        });
        modelBuilder.Entity<Delegation>(b =>
        {
            b.ToTable("oa_delegations");
            b.Property(d => d.DocumentTypes).HasMaxLength(200);
            b.Property(d => d.Reason).HasMaxLength(200);
            b.Ignore(d => d.Types);
            b.HasIndex(d => new { d.TenantId, d.UserId, d.EndsAt });
            b.HasIndex(d => new { d.TenantId, d.LeaveRequestId });
        });
        modelBuilder.Entity<WorkTask>(b =>
        {
            b.ToTable("oa_tasks");
            b.Property(t => t.Title).HasMaxLength(200);
            b.Property(t => t.Description).HasMaxLength(4000);
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(t => t.DocumentType).HasMaxLength(32);
            b.Property(t => t.Link).HasMaxLength(400);
            b.HasIndex(t => new { t.TenantId, t.AssigneeUserId, t.Status });
            b.HasIndex(t => new { t.TenantId, t.AssignedBy });
        });
        modelBuilder.Entity<Announcement>(b =>
        {
            b.ToTable("oa_announcements");
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.Body).HasMaxLength(8000);
            // A handful of ids per announcement, read with the announcement and never queried alone.
            b.Property(a => a.DepartmentIds).HasMaxLength(4000).HasConversion(
                ids => string.Join(',', ids),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                new ValueComparer<List<Guid>>((x, y) => x!.SequenceEqual(y!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id)), ids => ids.ToList()));
            b.HasIndex(a => new { a.TenantId, a.PublishedAt });
        });
        modelBuilder.Entity<AnnouncementRead>(b =>
        {
            b.ToTable("oa_announcement_reads");
            b.HasIndex(r => new { r.AnnouncementId, r.UserId }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.UserId });
        });
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("oa_notifications");
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Link).HasMaxLength(400);
            b.HasIndex(n => new { n.TenantId, n.UserId, n.ReadAt });
        });
        modelBuilder.Entity<RecordComment>(b =>
        {
            b.ToTable("oa_record_comments");
            b.Property(c => c.RecordType).HasMaxLength(64);
            b.Property(c => c.Text).HasMaxLength(RecordComment.MaxTextLength);
            // A record's timeline pages its comments backwards on (time, id).
            b.HasIndex(c => new { c.TenantId, c.RecordType, c.RecordId, c.PostedAt, c.Id });
            b.OwnsMany(c => c.Files, f =>
            {
                f.ToTable("oa_record_comment_files");
                f.WithOwner().HasForeignKey("CommentId");
                f.HasKey("CommentId", nameof(RecordCommentFile.AttachmentId));
                f.Property(x => x.FileName).HasMaxLength(200);
                f.HasIndex(x => x.AttachmentId);
            });
            b.Navigation(c => c.Files).HasField("_files");
        });
        modelBuilder.Entity<ApprovalForm>(b =>
        {
            b.ToTable("oa_forms");
            b.Property(f => f.Code).HasMaxLength(26);
            b.Property(f => f.NameZh).HasMaxLength(100);
            b.Property(f => f.NameEn).HasMaxLength(100);
            b.Property(f => f.Description).HasMaxLength(1000);
            b.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
            b.Ignore(f => f.Latest);
            b.Ignore(f => f.DocumentType);
            b.HasIndex(f => new { f.TenantId, f.Code }).IsUnique();
            b.OwnsMany(f => f.Versions, v =>
            {
                v.ToTable("oa_form_versions");
                v.WithOwner().HasForeignKey("FormId");
                v.HasKey(x => x.Id);
                v.Property(x => x.Id).ValueGeneratedNever();
                v.Property(x => x.FieldsJson).HasColumnType("longtext");
                v.Property(x => x.AmountField).HasMaxLength(40);
                v.Ignore(x => x.Fields);
                v.HasIndex("FormId", nameof(FormVersion.Number)).IsUnique();
            });
            b.Navigation(f => f.Versions).HasField("_versions");
        });
        modelBuilder.Entity<FormSubmission>(b =>
        {
            b.ToTable("oa_form_submissions");
            b.Property(s => s.FormCode).HasMaxLength(26);
            b.Property(s => s.Number).HasMaxLength(32);
            b.Property(s => s.Title).HasMaxLength(100);
            b.Property(s => s.ValuesJson).HasColumnType("longtext");
            b.Property(s => s.Amount).HasPrecision(18, 2);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(s => new { s.TenantId, s.ApplicantUserId, s.SubmittedAt });
            b.HasIndex(s => new { s.TenantId, s.Number }).IsUnique();
            b.HasIndex(s => s.FormId);
        });
        modelBuilder.Entity<FormAttachment>(b =>
        {
            b.ToTable("oa_form_attachments");
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.Content).HasColumnType("mediumblob");
            b.HasIndex(a => new { a.TenantId, a.UploadedBy });
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class OaDbContextFactory : DesignTimeDbContextFactory<OaDbContext>;
