using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Sql;

/// <summary>Hand-written step of the NotificationsAboutSubjects migration (both providers): notifications
/// written before subjects existed were about a thread and a post, with enum kind names. Called after
/// the new columns are added and before the old PostId column is dropped.</summary>
public static class NotificationSubjectsSql
{
    public static void CopyThreadNotifications(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        UPDATE notifications SET
            "SubjectKind" = 'thread',
            "PartId" = "PostId",
            "Kind" = CASE "Kind"
                WHEN 'Mention' THEN 'discussion.mention'
                WHEN 'Reply' THEN 'discussion.reply'
                WHEN 'FollowedThreadPost' THEN 'discussion.followed-post'
                ELSE "Kind" END;
        """);
}
