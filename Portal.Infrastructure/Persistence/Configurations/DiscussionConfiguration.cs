using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Discussions;
using Portal.Domain.Members;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DiscussionThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public void Configure(EntityTypeBuilder<DiscussionThread> builder)
    {
        builder.ToTable("discussion_threads");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(DiscussionThread.TitleMaxLength).IsRequired();
        // Every change in the thread raises LastSequence, so two concurrent changes cannot both
        // take the same number: the second save fails and the use case retries.
        builder.Property(t => t.LastSequence).IsConcurrencyToken();
        builder.PrimitiveCollection(t => t.ExploitationForms)
            .HasField("_exploitationForms")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Workspaces).WithOne().HasForeignKey(w => w.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Workspaces).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.StartedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.LastActivityAt);
        builder.Ignore(t => t.WorkspaceIds);
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class ThreadWorkspaceConfiguration : IEntityTypeConfiguration<ThreadWorkspace>
{
    public void Configure(EntityTypeBuilder<ThreadWorkspace> builder)
    {
        builder.ToTable("thread_workspaces");
        builder.HasKey(w => new { w.ThreadId, w.WorkspaceId });
        builder.HasOne(w => w.Workspace).WithMany().HasForeignKey(w => w.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.WorkspaceId);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.ParentPostId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Markdown).HasMaxLength(PostBody.MaxLength).IsRequired();
        builder.Property(p => p.Html).IsRequired();
        builder.Property(p => p.PlainText).IsRequired();
        builder.Property(p => p.RemovalReason).HasMaxLength(Post.RemovalReasonMaxLength);
        // A post's place in its thread is unique: the last line of defence for the sequence.
        builder.HasIndex(p => new { p.ThreadId, p.Sequence }).IsUnique();
        builder.HasIndex(p => new { p.ThreadId, p.ChangeSequence });
        builder.HasIndex(p => new { p.AuthorId, p.PostedAt });
        builder.PrimitiveCollection(p => p.MentionedMemberIds)
            .HasField("_mentionedMemberIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(p => p.MentionedWorkspaceIds)
            .HasField("_mentionedWorkspaceIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Reactions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Reactions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsDeleted);
        builder.Ignore(p => p.IsRemoved);
        builder.Ignore(p => p.IsGone);
        builder.Ignore(p => p.DomainEvents);
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Markdown).HasMaxLength(PostBody.MaxLength).IsRequired();
        builder.HasIndex(r => r.PostId);
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class PostReactionConfiguration : IEntityTypeConfiguration<PostReaction>
{
    public void Configure(EntityTypeBuilder<PostReaction> builder)
    {
        builder.ToTable("post_reactions");
        builder.HasKey(r => new { r.PostId, r.MemberId, r.Reaction });
        builder.Property(r => r.Reaction).HasMaxLength(PostReaction.MaxLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadFollowConfiguration : IEntityTypeConfiguration<ThreadFollow>
{
    public void Configure(EntityTypeBuilder<ThreadFollow> builder)
    {
        builder.ToTable("thread_follows");
        builder.HasKey(f => new { f.ThreadId, f.MemberId });
        builder.HasIndex(f => f.MemberId);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(f => f.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreadReadStateConfiguration : IEntityTypeConfiguration<ThreadReadState>
{
    public void Configure(EntityTypeBuilder<ThreadReadState> builder)
    {
        builder.ToTable("thread_read_states");
        builder.HasKey(r => new { r.MemberId, r.ThreadId });
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
