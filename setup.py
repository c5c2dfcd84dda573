"""Builds the extension sla._native with CMake, for `pip install .` (see pyproject.toml).

Only the `_native` target is built (the interpreter's libraries and the module),
in build-python/cmake (kept between runs, so a second install is incremental;
SLA_PYTHON_BUILD_DIR names another folder), with Ninja and ccache when present.
The module is stripped of its debug information when it is copied into the wheel.
"""

import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "build-python")  # beside CMake's build/, which it must not touch


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\(sla VERSION ([0-9.]+)", f.read()).group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = os.environ.get("SLA_PYTHON_BUILD_DIR") or os.path.join(OUT, "cmake")
        configure = [
            "cmake", "-S", ROOT, "-B", build_dir,
            # build/'s optimisation without its debug information: the module is
            # stripped of it anyway, and it is most of the compile time.
            "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG",
            f"-DPython3_EXECUTABLE={sys.executable}",  # the interpreter pip runs: its ABI
            "-DSLA_PYTHON=ON", "-DSLA_BENCH=OFF",
        ]
        if shutil.which("ninja") and not os.path.exists(os.path.join(build_dir, "Makefile")):
            configure += ["-G", "Ninja"]
        if shutil.which("ccache"):
            configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
        jobs = os.environ.get("SLA_JOBS") or str(os.cpu_count() or 2)
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", build_dir, "--target", "_native", "-j", jobs], check=True)

        built = os.path.join(build_dir, "python", "sla")
        suffix = self.get_ext_filename("_native").rsplit("_native", 1)[1]
        module = os.path.join(built, "_native" + suffix)
        if not os.path.exists(module):
            found = [f for f in os.listdir(built) if f.startswith("_native.")]
            raise RuntimeError(f"CMake built {found} in {built}, not _native{suffix}: another Python?")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(module, target)
        if shutil.which("strip"):
            subprocess.run(["strip", "--strip-debug", target], check=True)


os.makedirs(OUT, exist_ok=True)
setup(
    version=project_version(),
    ext_modules=[CMakeExtension("sla._native")],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": os.path.join(OUT, "setuptools")},
             "egg_info": {"egg_base": OUT}},
)
