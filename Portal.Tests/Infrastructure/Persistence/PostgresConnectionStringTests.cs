using Npgsql;
using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure.Persistence;

/// <summary>The portal's PostgreSQL connections skip the reset (DISCARD ALL) on their way back to the
/// pool unless the configured connection string asks for it.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_configured_connection_string_gets_no_reset_on_close_and_keeps_the_rest()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DependencyInjection.PostgresConnectionString("Host=db;Port=5433;Username=portal;Password=secret;Database=portal"));

        result.NoResetOnClose.ShouldBeTrue();
        result.Host.ShouldBe("db");
        result.Port.ShouldBe(5433);
        result.Username.ShouldBe("portal");
        result.Password.ShouldBe("secret");
        result.Database.ShouldBe("portal");
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;noresetonclose=False")]
    public void A_connection_string_that_chooses_the_reset_keeps_it(string configured)
    {
        new NpgsqlConnectionStringBuilder(DependencyInjection.PostgresConnectionString(configured)).NoResetOnClose.ShouldBeFalse();
    }
}
