// Package cluster starts motcua as separate processes — a nats-server, intake, status
// and postal — on this machine, for end-to-end tests and the load benchmark: each can
// be killed and restarted on its own while the others run.
package cluster

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/motcua/motcua/services/allinone/secrets"
)

// Binaries are the paths of the programs to run.
type Binaries struct {
	NATSServer, Intake, Status, Postal string
}

// Build compiles the binaries into dir with the go command of PATH. The nats-server is
// built from the same module version the services embed.
func Build(ctx context.Context, dir string) (Binaries, error) {
	b := Binaries{
		NATSServer: filepath.Join(dir, "nats-server"),
		Intake:     filepath.Join(dir, "intake"),
		Status:     filepath.Join(dir, "status"),
		Postal:     filepath.Join(dir, "postal"),
	}
	for out, pkg := range map[string]string{
		b.NATSServer: "github.com/nats-io/nats-server/v2",
		b.Intake:     "github.com/motcua/motcua/services/intake/cmd/intake",
		b.Status:     "github.com/motcua/motcua/services/status/cmd/status",
		b.Postal:     "github.com/motcua/motcua/services/postal/cmd/postal",
	} {
		cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return b, fmt.Errorf("build %s: %w\n%s", pkg, err, msg)
		}
	}
	return b, nil
}

// Proc is one running program, restartable with the same arguments and environment.
type Proc struct {
	Name string
	Addr string // HTTP address of a service ("" for nats-server)
	path string
	args []string
	env  []string
	log  *os.File
	cmd  *exec.Cmd
	done chan error
}

func (p *Proc) start() error {
	p.cmd = exec.Command(p.path, p.args...)
	p.cmd.Env = p.env
	p.cmd.Stdout = p.log
	p.cmd.Stderr = p.log
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.Name, err)
	}
	done := make(chan error, 1)
	go func(c *exec.Cmd) { done <- c.Wait() }(p.cmd)
	p.done = done
	return nil
}

// running reports whether the program has not exited yet, without racing the goroutine
// that waits for it: a finished program has sent its exit on done, put back for others.
func (p *Proc) running() bool {
	select {
	case err := <-p.done:
		p.done <- err
		return false
	default:
		return true
	}
}

// Running reports whether the program has been started and has not exited since.
func (p *Proc) Running() bool { return p.cmd != nil && p.running() }

// Pid is the process id of the running program.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Kill stops the program at once with SIGKILL: no draining, no flushing.
func (p *Proc) Kill() error {
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	<-p.done
	return nil
}

// Stop asks the program to stop with SIGTERM and waits up to timeout before killing it.
func (p *Proc) Stop(timeout time.Duration) error {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == -1 {
			return nil
		}
		return err
	case <-time.After(timeout):
		return p.Kill()
	}
}

// Restart starts the program again after Kill or Stop.
func (p *Proc) Restart() error { return p.start() }

// PeakRSSKiB is the program's peak resident memory so far (VmHWM), in KiB.
func (p *Proc) PeakRSSKiB() (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.Pid()))
	if err != nil {
		return 0, err
	}
	var kib int
	for _, line := range strings.Split(string(b), "\n") {
		if n, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			_, err := fmt.Sscanf(strings.TrimSpace(n), "%d", &kib)
			return kib, err
		}
	}
	return 0, errors.New("VmHWM not found")
}

// ResetPeakRSS sets the program's peak resident memory (VmHWM) back to what it holds
// now, so that PeakRSSKiB tells the peak of what follows.
func ResetPeakRSS(p *Proc) error {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", p.Pid()), []byte("5"), 0)
}

// Cluster is a nats-server and the three services, each a process of its own.
type Cluster struct {
	NATS, Intake, Status, Postal *Proc
	NATSURL                      string
	Keys                         secrets.Keys
}

// Options place a cluster.
type Options struct {
	Bin         Binaries
	DatabaseURL string
	Dir         string // logs and the nats-server store go here
	// Env is added to every service's environment (e.g. MOTCUA_LOG_LEVEL).
	Env []string
	// ServiceEnv is added to the environment of the named service only.
	ServiceEnv map[string][]string
}

// Start launches the nats-server, then intake, status and postal, and waits until each
// service answers /readyz.
func Start(ctx context.Context, o Options) (*Cluster, error) {
	natsPort, err := FreePort()
	if err != nil {
		return nil, err
	}
	c := &Cluster{NATSURL: fmt.Sprintf("nats://127.0.0.1:%d", natsPort), Keys: secrets.Generate()}
	c.NATS, err = launch(o, "nats-server", o.Bin.NATSServer, "", []string{"-js", "-a", "127.0.0.1",
		"-p", strconv.Itoa(natsPort), "-sd", filepath.Join(o.Dir, "nats-store"), "--server_name", "motcua-e2e"}, nil)
	if err != nil {
		return nil, err
	}
	for _, s := range []struct {
		proc **Proc
		name string
		path string
	}{{&c.Intake, "intake", o.Bin.Intake}, {&c.Status, "status", o.Bin.Status}, {&c.Postal, "postal", o.Bin.Postal}} {
		port, err := FreePort()
		if err != nil {
			c.Close()
			return nil, err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		env := append(os.Environ(), "DATABASE_URL="+o.DatabaseURL, "NATS_URL="+c.NATSURL, "MOTCUA_HTTP_ADDR="+addr,
			"MOTCUA_DATA_DIR="+filepath.Join(o.Dir, s.name+"-data"))
		for k, v := range c.Keys.Env() {
			env = append(env, k+"="+v)
		}
		env = append(append(env, o.Env...), o.ServiceEnv[s.name]...)
		*s.proc, err = launch(o, s.name, s.path, addr, nil, env)
		if err != nil {
			c.Close()
			return nil, err
		}
	}
	for _, p := range c.Services() {
		if err := WaitReady(ctx, p.Addr); err != nil {
			c.Close()
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
	}
	return c, nil
}

func launch(o Options, name, path, addr string, args, env []string) (*Proc, error) {
	log, err := os.OpenFile(filepath.Join(o.Dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	if env == nil {
		env = os.Environ()
	}
	p := &Proc{Name: name, Addr: addr, path: path, args: args, env: env, log: log}
	return p, p.start()
}

// Services are the three service processes.
func (c *Cluster) Services() []*Proc { return []*Proc{c.Intake, c.Status, c.Postal} }

// Close stops every process (services first, gracefully) and closes their logs.
func (c *Cluster) Close() {
	for _, p := range []*Proc{c.Postal, c.Status, c.Intake, c.NATS} {
		if p == nil || p.cmd == nil {
			continue
		}
		if p.running() {
			_ = p.Stop(20 * time.Second)
		}
		p.log.Close()
	}
}

// FreePort asks the kernel for a free TCP port on 127.0.0.1.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
